#!/usr/bin/env bash
# Proves the library works from other languages for real: builds the jsii
# packages, runs the same app written in TypeScript (the reference), Python,
# Java and Go (test/bindings/<language>/), and compares each language's
# synthesized template with the reference (scripts/bindings/compare-templates.js).
#
#   scripts/test-bindings.sh [--only python,java]      (or BINDINGS=python,java)
#
# Languages: python, java, go, dotnet. Each package is built by jsii-pacmak
# itself and installed as its users would: the wheel with pip (dependencies
# included) into a fresh venv, the jar from the local Maven repository
# pacmak writes (dist/java), the Go module through a `replace` of its real
# module path. .NET is only generated (jsii-pacmak --code-only) when the
# machine has no dotnet SDK, and then reported as not run.
#
# Everything it installs lives under .bindings/ (gitignored): the Python venv,
# the Maven repository, the Go module and build caches, logs and the cloud
# assemblies. A second run reuses them; a fresh machine fills them from the
# registries. Prints one line per language and a closing "N passed, N failed";
# exits non-zero when any language fails.
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK="${BINDINGS_WORK:-$ROOT/.bindings}"
LOGS="$WORK/logs"
OUT="$WORK/out"
HANDLER="$ROOT/assets/handler/index.js"

# Python, Java and Go run on the peer floor (package.json's peerDependencies,
# set in .projenrc.ts), the oldest aws-cdk-lib and constructs a user may pin:
# every registry serves it, and the newest end of the range is tested by
# `npm run compat`. The TypeScript reference runs on it too, from the
# node_modules of the copy below, so every language synthesizes with the same release.
peer_floor() { node -p "require('./package.json').peerDependencies['$1'].replace(/^[\\^~]/, '')"; }
CDK_FLOOR=$(peer_floor aws-cdk-lib)
CONSTRUCTS_FLOOR=$(peer_floor constructs)
LIBRARY_VERSION=$(node -p "require('./package.json').version")

# The packages are built where node_modules holds the floor: jsii-pacmak writes
# the versions it finds installed into what it generates (the Go module's
# go.mod requires them), and a package that requires the newest aws-cdk-lib
# would force it on every user. So the script reruns itself in a copy of the
# tree with the floor installed (scripts/cdk-copy.sh); caches, logs and cloud
# assemblies stay in this tree's .bindings/.
if [ -z "${BINDINGS_WORK:-}" ]; then
  echo "--- copy of the tree on aws-cdk-lib $CDK_FLOOR, constructs $CONSTRUCTS_FLOOR" >&2
  # aws-cdk-lib's node-proxy-agent asset at 2.1.2: the Go module proxy serves
  # no v2.1.3 of its Go module, and the Go module requires what is installed.
  copy=$(bash scripts/cdk-copy.sh "$CDK_FLOOR" "$CONSTRUCTS_FLOOR" @aws-cdk/asset-node-proxy-agent-v6@2.1.2) || exit 1
  BINDINGS_WORK="$WORK" exec bash "$copy/scripts/test-bindings.sh" "$@"
fi

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
    -h|--help) sed -n "2,20p" "$0"; exit 0 ;;
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
# pacmak's own builds: pip wheel, mvn package (into dist/java, a Maven
# repository layout; dependencies cached in $WORK/m2), go build (modules cached
# in $WORK/gomod).
export GOMODCACHE="$WORK/gomod" GOCACHE="$WORK/gocache" GOFLAGS="-modcacherw"
selected_language python && build pacmak-python npx jsii-pacmak --target python
selected_language java && build pacmak-java npx jsii-pacmak --target java --maven-local-repository="$WORK/m2"
selected_language go && build pacmak-go npx jsii-pacmak --target go
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
  # A fresh venv each run, as a user's: the wheel with its dependencies, the
  # floor pinned as a user may pin it. Downloads are cached in $WORK/pip-cache.
  local venv="$WORK/venv"
  rm -rf "$venv"
  python3 -m venv "$venv" || return 1
  "$venv/bin/python" -m pip install --disable-pip-version-check -q --cache-dir "$WORK/pip-cache" \
    "$(ls "$ROOT"/dist/python/*.whl)" "aws-cdk-lib==$CDK_FLOOR" "constructs==$CONSTRUCTS_FLOOR" || return 1
  rm -rf "$OUT/python"
  CDK_OUTDIR="$OUT/python" "$venv/bin/python" test/bindings/python/app.py
}

run_java() {
  rm -rf "$OUT/java"
  # The app's pom takes the library's jar from dist/java (a local Maven
  # repository) like any other dependency; aws-cdk-lib pinned to the floor.
  (cd test/bindings/java && CDK_OUTDIR="$OUT/java" mvn -B -q \
    -Dmaven.repo.local="$WORK/m2" -Dlibrary.version="$LIBRARY_VERSION" \
    -Dcdk.version="$CDK_FLOOR" -Dconstructs.version="$CONSTRUCTS_FLOOR" \
    compile exec:java)
}

run_go() {
  rm -rf "$OUT/go"
  # go.mod replaces the library's real module path with dist/go and requires
  # aws-cdk-go at the floor. -mod=mod: when jsii-pacmak's generated go.mod
  # moves (a new jsii runtime, say), go fills in the app's go.mod and go.sum
  # instead of refusing. That happens in the copy: copy both back and commit.
  (cd test/bindings/go && go mod edit -require="github.com/aws/aws-cdk-go/awscdk/v2@v$CDK_FLOOR" \
    && CDK_OUTDIR="$OUT/go" GOFLAGS="$GOFLAGS -mod=mod" go run .)
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
