#!/usr/bin/env bash
# The Node.js the project's own commands run on: the release pinned in
# scripts/lambda-node.json, the one the simulated Lambda runs on too (one pin
# for both), fetched into .lambda-node/ by scripts/lambda-node.sh. The
# machine's Node.js may be older (Node.js 20 reached its end of life in April
# 2026: https://nodejs.org/en/about/previous-releases); npm ci and npx keep
# running on it, what they start runs on this one.
#
#   bash scripts/project-node.sh path         prints $PATH with the pinned Node.js's bin
#                                             directory first (the PATH of the projen tasks
#                                             that build, test and benchmark: .projenrc.ts)
#   bash scripts/project-node.sh check        fails unless `node` on PATH is the pinned release
#   bash scripts/project-node.sh CMD [ARG...] runs CMD on the pinned Node.js,
#                                             e.g. npx jest test/readme.test.ts --runInBand
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

case "${1:-}" in
  check)
    want="v$(node -p "require('$root/scripts/lambda-node.json').version")"
    got="$(node --version)"
    if [ "$got" != "$want" ]; then
      echo "project-node: the project's commands run on Node.js $want (scripts/lambda-node.json), but \`node\` on PATH is $got ($(command -v node)): run them through npm or npx projen, or bash scripts/project-node.sh <command>" >&2
      exit 1
    fi
    ;;
  path | '')
    bin="$(dirname "$(bash "$root/scripts/lambda-node.sh")")"
    case ":$PATH:" in
      ":$bin:"*) echo "$PATH" ;;
      *) echo "$bin:$PATH" ;;
    esac
    ;;
  *)
    PATH="$(bash "$0" path)"
    export PATH
    exec "$@"
    ;;
esac
