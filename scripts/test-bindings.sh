#!/usr/bin/env bash
# Proves the library works from other languages for real: builds the jsii
# packages, runs the same app written in TypeScript (the reference), Python,
# Java and Go (test/bindings/<language>/), and compares each language's
# synthesized template with the reference (scripts/bindings/compare-templates.js).
#
#   scripts/test-bindings.sh [--only python,java]      (or BINDINGS=python,java)
#
# Languages: python, java, go, dotnet. .NET is only generated (jsii-pacmak
# --code-only) when the machine has no dotnet SDK, and then reported as not run.
#
# Everything it installs lives under .bindings/ (gitignored): the Python venv,
# the Maven repository, the Go module and build caches, logs and the cloud
# assemblies. A second run reuses them; a fresh machine fills them from the
# registries. Prints one line per language and a closing "N passed, N failed";
# exits non-zero when any language fails.
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK="$ROOT/.bindings"
LOGS="$WORK/logs"
OUT="$WORK/out"
HANDLER="$ROOT/assets/handler/index.js"

# aws-cdk-lib each language runs on. The TypeScript reference uses the one in
# node_modules (the library's own, 2.276.0). The registries reachable here lag
# npm: PyPI serves aws-cdk-lib up to 2.275.0, Maven Central up to 2.272.0 and
# the Go module proxy aws-cdk-go up to 2.270.0 (pinned in test/bindings/go/go.mod),
# so each language takes the newest it can get, installed over the
# ">= 2.276.0" the generated packages declare. Raise these when the registries
# catch up.
PYTHON_CDK_VERSION="${PYTHON_CDK_VERSION:-2.275.0}"
JAVA_CDK_VERSION="${JAVA_CDK_VERSION:-2.272.0}"
CONSTRUCTS_VERSION="10.5.1"

export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1

# --- which languages --------------------------------------------------------

ALL_LANGUAGES="python java go dotnet"
selected="${BINDINGS:-$ALL_LANGUAGES}"
while [ $# -gt 0 ]; do
  case "$1" in
    --only)
      [ $# -ge 2 ] || { echo "--only needs a list of languages (known: $ALL_LANGUAGES)" >&2; exit 2; }
      selected="$2"; shift 2 ;;
    --only=*) selected="${1#--only=}"; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (expected --only <languages>)" >&2; exit 2 ;;
  esac
done
LANGUAGES=()
for language in ${selected//,/ }; do
  case " $ALL_LANGUAGES " in
    *" $language "*) LANGUAGES+=("$language") ;;
    *) echo "unknown language: $language (known: $ALL_LANGUAGES)" >&2; exit 2 ;;
  esac
done
if [ ${#LANGUAGES[@]} -eq 0 ]; then
  echo "no language selected (known: $ALL_LANGUAGES)" >&2
  exit 2
fi
selected_language() { [[ " ${LANGUAGES[*]} " == *" $1 "* ]]; }

mkdir -p "$LOGS" "$OUT"

# --- helpers ----------------------------------------------------------------

declare -A RESULT=()
declare -A TIMING=()
TIMING_ORDER=()

# step <name> <command...>: runs the command with its output in $LOGS/<name>.log,
# records its duration, and on failure prints the log's tail.
step() {
  local name="$1"; shift
  local log="$LOGS/$name.log"
  local started=$SECONDS
  echo "--- $name" >&2
  "$@" >"$log" 2>&1
  local rc=$?
  TIMING[$name]=$((SECONDS - started))
  TIMING_ORDER+=("$name")
  if [ $rc -ne 0 ]; then
    echo "$name failed (exit $rc) after ${TIMING[$name]} s; last lines of $log:" >&2
    grep -v '^!!' "$log" | tail -n 30 >&2
  fi
  return $rc
}

# The line of a log that best says what went wrong, for the one-line summary:
# a compiler error, else the library's own "... is invalid: ..." message, else
# the last exception line (Python prints the cause last), else any error line.
first_error() {
  local text line
  text=$(grep -v '!!' "$1")
  line=$(grep -m1 -E 'error (JSII|TS)[0-9]+' <<<"$text") \
    || line=$(grep -m1 -E '[A-Za-z]*Error: .* is invalid: ' <<<"$text") \
    || line=$(grep -m1 -E ' is invalid: ' <<<"$text") \
    || line=$(grep -E '^[A-Za-z.]*(Error|Exception): ' <<<"$text" | tail -n1 | grep .) \
    || line=$(grep -m1 -i -E 'error|exception|fail|panic|cannot|not found' <<<"$text")
  sed -E 's/^\[ERROR\] //; s/.*panic: /panic: /; s/^[[:space:]]+//' <<<"$line" | cut -c1-240
}

cdk_version_of() {
  node -e 'console.log(require(process.argv[1]).tree.constructInfo.version)' "$1/tree.json" 2>/dev/null || echo '?'
}

# judge <language> <outdir> <seconds>: compares a language's cloud assembly with the reference.
judge() {
  local language="$1" outdir="$2" seconds="$3" difference
  difference=$(node scripts/bindings/compare-templates.js "$OUT/typescript" "$outdir" --handler "$HANDLER" 2>&1)
  if [ $? -eq 0 ]; then
    RESULT[$language]="PASS ($seconds s, aws-cdk-lib $(cdk_version_of "$outdir"))"
  else
    RESULT[$language]="FAIL ($seconds s, aws-cdk-lib $(cdk_version_of "$outdir")): $difference"
  fi
}

# --- build the packages -----------------------------------------------------

build_ok=true
build_failure=""
build() {
  local name="$1"; shift
  if $build_ok && ! step "$name" "$@"; then
    build_ok=false
    build_failure="$name failed: $(first_error "$LOGS/$name.log")"
  fi
}

build bundle npx projen bundle
build jsii npx jsii --silence-warnings=reserved-word
# Python's wheel is built in full. Java and Go are generated as code only: their
# builds would resolve aws-cdk-lib 2.276.0, which Maven Central and the Go
# proxy here do not serve; the apps below compile the generated code instead.
selected_language python && build pacmak-python npx jsii-pacmak --target python
selected_language java && build pacmak-java npx jsii-pacmak --target java --code-only
selected_language go && build pacmak-go npx jsii-pacmak --target go --code-only
if selected_language dotnet; then
  if command -v dotnet >/dev/null; then
    build pacmak-dotnet npx jsii-pacmak --target dotnet
  else
    build pacmak-dotnet npx jsii-pacmak --target dotnet --code-only
  fi
fi

# --- run the apps -----------------------------------------------------------

run_typescript() {
  rm -rf "$OUT/typescript"
  CDK_OUTDIR="$OUT/typescript" npx ts-node --project scripts/tsconfig.json test/bindings/typescript/app.ts
}

run_python() {
  local venv="$WORK/venv"
  local requirements="aws-cdk-lib==$PYTHON_CDK_VERSION constructs==$CONSTRUCTS_VERSION"
  # The venv is reused while the pinned requirements and its place are the
  # same (a venv's scripts name its absolute path, so a moved one is stale).
  if [ "$(cat "$venv/.requirements" 2>/dev/null)" != "$requirements in $venv" ]; then
    rm -rf "$venv"
    python3 -m venv "$venv" || return 1
    # shellcheck disable=SC2086
    "$venv/bin/python" -m pip install --disable-pip-version-check -q $requirements || return 1
    echo "$requirements in $venv" >"$venv/.requirements"
  fi
  # --no-deps: the wheel asks for aws-cdk-lib>=2.276.0, which PyPI here lacks;
  # its other requirements (jsii, publication) come with aws-cdk-lib.
  "$venv/bin/python" -m pip install --disable-pip-version-check -q --no-deps --force-reinstall "$ROOT"/dist/python/*.whl || return 1
  rm -rf "$OUT/python"
  CDK_OUTDIR="$OUT/python" "$venv/bin/python" test/bindings/python/app.py
}

run_java() {
  rm -rf "$OUT/java"
  (cd test/bindings/java && CDK_OUTDIR="$OUT/java" mvn -B -q \
    -Dmaven.repo.local="$WORK/m2" -Dcdk.version="$JAVA_CDK_VERSION" -Dconstructs.version="$CONSTRUCTS_VERSION" \
    compile exec:java)
}

run_go() {
  rm -rf "$OUT/go"
  # -mod=mod: when jsii-pacmak's generated go.mod moves (a new jsii runtime, say),
  # go fills in the app's go.mod and go.sum instead of refusing; commit the change.
  (cd test/bindings/go && CDK_OUTDIR="$OUT/go" GOMODCACHE="$WORK/gomod" GOCACHE="$WORK/gocache" \
    GOFLAGS="-modcacherw -mod=mod" go run .)
}

# requires <language> <tool...>: a language whose tools are missing fails, it is never skipped quietly.
requires() {
  local language="$1" tool; shift
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null; then
      RESULT[$language]="FAIL (0 s): $tool is not installed"
      return 1
    fi
  done
}

if ! $build_ok; then
  for language in "${LANGUAGES[@]}"; do RESULT[$language]="FAIL: $build_failure"; done
elif ! step run-typescript run_typescript; then
  for language in "${LANGUAGES[@]}"; do
    RESULT[$language]="FAIL: the TypeScript reference app failed: $(first_error "$LOGS/run-typescript.log")"
  done
else
  # The reference must hold the handler and its assets, and the comparison must
  # catch damaged copies of it: otherwise a PASS below would prove nothing.
  reference_check=$(node scripts/bindings/compare-templates.js --self-test "$OUT/typescript" --handler "$HANDLER" 2>&1)
  if [ $? -ne 0 ]; then
    for language in "${LANGUAGES[@]}"; do RESULT[$language]="FAIL: the comparison's self-test on the TypeScript reference: $reference_check"; done
  else
    for language in "${LANGUAGES[@]}"; do
      case "$language" in
        python) tools=(python3) ;;
        java) tools=(java mvn) ;;
        go) tools=(go) ;;
        dotnet)
          if command -v dotnet >/dev/null; then
            RESULT[dotnet]="NOT RUN: a .NET app is not written yet (package built in ${TIMING[pacmak-dotnet]} s)"
          else
            RESULT[dotnet]="NOT RUN: no dotnet SDK on this machine (code generated in ${TIMING[pacmak-dotnet]} s)"
          fi
          continue ;;
      esac
      requires "$language" "${tools[@]}" || continue
      if step "run-$language" "run_$language"; then
        judge "$language" "$OUT/$language" "${TIMING[run-$language]}"
      else
        RESULT[$language]="FAIL (${TIMING[run-$language]} s): $(first_error "$LOGS/run-$language.log")"
      fi
    done
  fi
fi

# --- report -----------------------------------------------------------------

echo
echo "step timings (s):"
for name in "${TIMING_ORDER[@]}"; do printf '  %-16s %4d\n' "$name" "${TIMING[$name]}"; done
echo
passed=0
failed=0
for language in "${LANGUAGES[@]}"; do
  echo "$language: ${RESULT[$language]}"
  case "${RESULT[$language]}" in
    PASS*) passed=$((passed + 1)) ;;
    FAIL*) failed=$((failed + 1)) ;;
  esac
done
echo "bindings: $passed passed, $failed failed"
[ $failed -eq 0 ]
