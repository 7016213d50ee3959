#!/usr/bin/env bash
# Makes a copy of the working tree whose node_modules has another aws-cdk-lib
# and constructs, and prints its path (the only line on stdout):
#
#   scripts/cdk-copy.sh <aws-cdk-lib version> <constructs version> [more npm packages@version...]
#
# The copy is .compat/<aws-cdk-lib version>/ (gitignored), made anew each
# time. Its node_modules starts as hard links to the repository's (no disk, no
# download), then `npm install --no-save` swaps the two packages: npm replaces
# files, never writes into them, so the repository's own node_modules and lock
# file stay as they are. Used by scripts/compat.sh and scripts/test-bindings.sh.
set -euo pipefail

cd "$(dirname "$0")/.."
version="${1:?usage: scripts/cdk-copy.sh <aws-cdk-lib version> <constructs version>}"
constructs="${2:?usage: scripts/cdk-copy.sh <aws-cdk-lib version> <constructs version>}"
shift 2
copy="$(pwd)/.compat/$version"

rm -rf "$copy"
mkdir -p "$copy"
# Everything the build and tests read, without VCS data, build output or other copies.
tar --exclude=./node_modules --exclude=./.git --exclude=./.compat --exclude=./.bindings \
  --exclude=./lib --exclude=./dist --exclude=./cdk.out --exclude=./test-reports \
  --exclude=./test/bindings/java/target --exclude=./.lambda-node -cf - . | tar -xf - -C "$copy"
cp -al node_modules "$copy/node_modules"
# The simulated Lambda's Node.js binary (about 120 MB), linked like node_modules; the copy fetches it where absent.
if [ -d .lambda-node ]; then cp -al .lambda-node "$copy/.lambda-node"; fi

# --legacy-peer-deps: dev tools (cdk-nag) may declare a narrower aws-cdk-lib
# range than the library; the suite itself says which of their checks run.
(cd "$copy" && npm install --no-save --no-audit --no-fund --legacy-peer-deps --loglevel=error \
  "aws-cdk-lib@$version" "constructs@$constructs" "$@") >&2
echo "$copy"
