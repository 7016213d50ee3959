#!/usr/bin/env bash
# Synthesize every example and lint each template with the pinned cfn-lint,
# from the project-local virtual environment that scripts/venv.sh keeps.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=$(bash scripts/venv.sh)

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
