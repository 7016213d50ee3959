#!/usr/bin/env bash
# Runs the library's compile and jest suite against another aws-cdk-lib than
# the one in node_modules, so both ends of the peer range are tested:
#
#   scripts/compat.sh <aws-cdk-lib version> [constructs version]
#   scripts/compat.sh latest        (the newest aws-cdk-lib on npm, and the newest constructs)
#
# The working tree is copied into .compat/<version>/ with that aws-cdk-lib
# (scripts/cdk-copy.sh); the repository's own node_modules and lock file are
# never touched. In the copy, jsii compiles src/ against that
# version (the API check: a call the version lacks fails here) and jest runs
# the whole suite with CDK_COMPAT_VERSION set, which test/util/compat.ts reads:
# template snapshots are pinned to the version in node_modules and are skipped
# (and listed) in this run; every other assertion runs.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

want="${1:?usage: scripts/compat.sh <aws-cdk-lib version|latest> [constructs version]}"
constructs="${2:-}"
if [ "$want" = latest ]; then
  version=$(npm view aws-cdk-lib version)
  constructs="${constructs:-$(npm view constructs version)}"
else
  version="$want"
fi
installed=$(node -p 'require("aws-cdk-lib/package.json").version')
installed_constructs=$(node -p 'require("constructs/package.json").version')
constructs="${constructs:-$installed_constructs}"
if [ "$version" = "$installed" ] && [ "$constructs" = "$installed_constructs" ]; then
  echo "compat: aws-cdk-lib $version and constructs $constructs are the ones in node_modules: npm test ran against them"
  exit 0
fi

echo "compat: aws-cdk-lib $version, constructs $constructs"
cd "$(bash scripts/cdk-copy.sh "$version" "$constructs")"
echo "compat: running with aws-cdk-lib $(node -p 'require("aws-cdk-lib/package.json").version'), constructs $(node -p 'require("constructs/package.json").version')"

npx jsii --silence-warnings=reserved-word
# The suite as package.json configures it, but ts-jest only transpiles: the
# tests are type-checked against the dev aws-cdk-lib by npm test, and some
# name APIs an older release lacks (they skip themselves there, see
# test/util/compat.ts); src/ was type-checked against this version by jsii above.
config=$(node -e '
  const jest = require("./package.json").jest;
  for (const [pattern, [name, options]] of Object.entries(jest.transform)) {
    jest.transform[pattern] = [name, { ...options, isolatedModules: true }];
  }
  console.log(JSON.stringify(jest));')
rm -f test-reports/compat-skipped.txt
# Snapshot checks are skipped here, and an example this release cannot run
# would leave its snapshots "obsolete", which fails jest: the copy has none.
find test -name __snapshots__ -type d -prune -exec rm -rf {} +
status=0
CDK_COMPAT_VERSION="$version" npx jest --ci --config "$config" || status=$?
if [ -s test-reports/compat-skipped.txt ]; then
  echo "compat: checks skipped on aws-cdk-lib $version, and why:"
  sort -u test-reports/compat-skipped.txt | sed 's/^/  /'
fi
exit $status
