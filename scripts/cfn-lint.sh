#!/usr/bin/env bash
# Synthesize every example and lint each template with the pinned cfn-lint.
# cfn-lint lives in a project-local virtual environment (.venv) that this
# script creates on first use, so a fresh machine needs nothing by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

req=scripts/cfn-lint-requirements.txt
venv=.venv
# A missing, stale (other version) or moved venv (its scripts name its
# absolute path) fails this check and is rebuilt from scratch.
if ! "$venv/bin/cfn-lint" --version 2>/dev/null | grep -qxF "cfn-lint $(sed 's/.*==//' "$req")"; then
  python3 -m venv --clear "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req"
fi

rm -rf cdk.out
npx ts-node --project scripts/tsconfig.json scripts/demo.ts --quiet

mapfile -t templates < <(find cdk.out -name '*.template.json' | sort)
if [ "${#templates[@]}" -eq 0 ]; then
  echo "cfn-lint: no templates were synthesized" >&2
  exit 1
fi
# Errors and warnings (cfn-lint's default levels): any finding exits non-zero.
# Informational checks are not run: I1022 (prefer Fn::Sub to Fn::Join) would
# flag how aws-cdk-lib itself renders ARNs and URLs.
"$venv/bin/cfn-lint" --format parseable -- "${templates[@]}"
echo "cfn-lint $("$venv/bin/cfn-lint" --version | awk '{print $2}'): ${#templates[@]} templates, 0 findings"
