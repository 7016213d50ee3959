#!/usr/bin/env bash
# Proves the library works from other languages for real: builds the jsii
# packages, runs the same app written in TypeScript (the reference), Python,
# Java and Go (test/bindings/<language>/), and compares each language's
# synthesized template with the reference (scripts/bindings/compare-templates.js).
# Each language also runs its readme app, the README's snippet for it, compared
# with test/bindings/typescript/readme-app.ts ("the apps" below).
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
# the Maven repository, the Go module and build caches and binaries, logs, the
# readme apps' directory and the cloud assemblies. A second run reuses them; a
# fresh machine fills them from the registries. Prints one line per app of each
# language ("python", "python readme") and a closing "N passed, N failed";
# exits non-zero when any fails.
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
CDK_FLOOR=$(bash scripts/peer-floor.sh aws-cdk-lib)
CONSTRUCTS_FLOOR=$(bash scripts/peer-floor.sh constructs)
LIBRARY_VERSION=$(node -p "require('./package.json').version")

# The packages are built where node_modules holds the floor (scripts/floor-copy.sh
# says why), so the script reruns itself in that copy of the tree; caches,
# logs and cloud assemblies stay in this tree's .bindings/.
if [ -z "${BINDINGS_WORK:-}" ]; then
  copy=$(bash scripts/floor-copy.sh) || exit 1
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
    -h|--help) sed -n "2,23p" "$0"; exit 0 ;;
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
RESULT_ORDER=()
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
  line=$(grep -m1 -E 'error (JSII|TS)[0-9]+|\.go:[0-9]+:[0-9]+: |\.java:\[[0-9]+,[0-9]+\] ' <<<"$text") \
    || line=$(grep -m1 -E '[A-Za-z]*Error: .* is invalid: ' <<<"$text") \
    || line=$(grep -m1 -E ' is invalid: ' <<<"$text") \
    || line=$(grep -E '^[A-Za-z.]*(Error|Exception): ' <<<"$text" | tail -n1 | grep .) \
    || line=$(grep -m1 -i -E 'error|exception|fail|panic|cannot|not found' <<<"$text")
  sed -E "s/^\[ERROR\] //; s/.*panic: /panic: /; s/^[[:space:]]+//; s|$ROOT/||g" <<<"$line" | cut -c1-240
}

cdk_version_of() {
  node -e 'console.log(require(process.argv[1]).tree.constructInfo.version)' "$1/tree.json" 2>/dev/null || echo '?'
}

# result <label> <text>: a line of the summary ("python readme: PASS ...").
result() {
  [ -n "${RESULT[$1]+set}" ] || RESULT_ORDER+=("$1")
  RESULT[$1]="$2"
}

# judge <label> <reference> <candidate> <seconds>: compares an app's cloud assembly with its reference.
judge() {
  local label="$1" reference="$2" outdir="$3" seconds="$4" difference
  difference=$(node scripts/bindings/compare-templates.js "$reference" "$outdir" --handler "$HANDLER" 2>&1)
  if [ $? -eq 0 ]; then
    result "$label" "PASS ($seconds s, aws-cdk-lib $(cdk_version_of "$outdir"))"
  else
    result "$label" "FAIL ($seconds s, aws-cdk-lib $(cdk_version_of "$outdir")): $difference"
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

# Each language runs two apps, each synthesizing into its own cloud assembly:
#   app     the full app in test/bindings/<language>/, run from that folder into
#           $OUT/<language>, compared with typescript/app.ts;
#   readme  the README's snippet for the language (python/readme_app.py,
#           java/src/readme/java/readme/AuthApp.java, go/readme/main.go: the
#           README block is the region between their README:begin and
#           README:end lines, which test/readme-languages.test.ts checks), run
#           from $README_DIR, where the snippet's relative paths
#           (branding/settings.json, branding/logo.png) resolve, into
#           $OUT/<language>-readme, compared with typescript/readme-app.ts.
APPS=(app readme)
README_DIR="$WORK/readme"

outdir_of() { if [ "$2" = app ]; then echo "$OUT/$1"; else echo "$OUT/$1-$2"; fi; }
# The step (and log) name of a run, and the name of its line in the summary.
step_of() { if [ "$2" = app ]; then echo "run-$1"; else echo "run-$1-$2"; fi; }
label_of() { if [ "$2" = app ]; then echo "$1"; else echo "$1 $2"; fi; }

# The directory the readme apps run in: branding/ as the README lays it out.
make_readme_dir() {
  rm -rf "$README_DIR" && mkdir -p "$README_DIR/branding" \
    && cp test/bindings/fixtures/settings.json test/bindings/fixtures/logo.png "$README_DIR/branding/"
}

# setup_<language>: what a language's apps share, run once before them.
setup_python() {
  # A fresh venv each run, as a user's: the wheel with its dependencies, the
  # floor pinned as a user may pin it. Downloads are cached in $WORK/pip-cache.
  local venv="$WORK/venv"
  rm -rf "$venv"
  python3 -m venv "$venv" || return 1
  "$venv/bin/python" -m pip install --disable-pip-version-check -q --cache-dir "$WORK/pip-cache" \
    "$(ls "$ROOT"/dist/python/*.whl)" "aws-cdk-lib==$CDK_FLOOR" "constructs==$CONSTRUCTS_FLOOR"
}

setup_go() {
  # go.mod replaces the library's real module path with dist/go and requires
  # aws-cdk-go at the floor.
  (cd test/bindings/go && go mod edit -require="github.com/aws/aws-cdk-go/awscdk/v2@v$CDK_FLOOR")
}

# run_<language> <app> <directory>: builds if need be and runs one app from the
# directory; its cloud assembly goes where CDK_OUTDIR points.
run_typescript() {
  local file=app.ts
  [ "$1" = readme ] && file=readme-app.ts
  (cd "$2" && "$ROOT/node_modules/.bin/ts-node" --project "$ROOT/scripts/tsconfig.json" "$ROOT/test/bindings/typescript/$file")
}

run_python() {
  local file=app.py
  [ "$1" = readme ] && file=readme_app.py
  (cd "$2" && "$WORK/venv/bin/python" "$ROOT/test/bindings/python/$file")
}

run_java() {
  # The pom takes the library's jar from dist/java (a local Maven repository)
  # like any other dependency; aws-cdk-lib pinned to the floor. `-P readme`
  # compiles and runs the readme app instead of the full one.
  local profile=()
  [ "$1" = readme ] && profile=(-P readme)
  (cd "$2" && mvn -B -q -f "$ROOT/test/bindings/java/pom.xml" "${profile[@]}" \
    -Dmaven.repo.local="$WORK/m2" -Dlibrary.version="$LIBRARY_VERSION" \
    -Dcdk.version="$CDK_FLOOR" -Dconstructs.version="$CONSTRUCTS_FLOOR" \
    compile exec:java)
}

run_go() {
  # -mod=mod: when jsii-pacmak's generated go.mod moves (a new jsii runtime,
  # say), go fills in the app's go.mod and go.sum instead of refusing. That
  # happens in the copy: copy both back and commit.
  local package=. binary="$WORK/bin/go-$1"
  [ "$1" = readme ] && package=./readme
  (cd test/bindings/go && GOFLAGS="$GOFLAGS -mod=mod" go build -o "$binary" "$package") \
    && (cd "$2" && "$binary")
}

# run_app <language> <app>: one app, from its directory, into its cloud assembly.
run_app() {
  local language="$1" app="$2" directory="$ROOT/test/bindings/$1" outdir
  [ "$app" = readme ] && directory="$README_DIR"
  outdir=$(outdir_of "$language" "$app")
  rm -rf "$outdir"
  CDK_OUTDIR="$outdir" "run_$language" "$app" "$directory"
}

# missing_tool <tool...>: the first tool not installed; a language whose tools
# are missing fails, it is never skipped quietly.
missing_tool() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$tool"; return 0; }
  done
  return 1
}

# The TypeScript references, one per app. Each must hold the handler and its
# assets, and the comparison must catch damaged copies of it: otherwise a PASS
# below would prove nothing. A failed reference fails that app in every language.
declare -A REFERENCE_FAILURE=()
if $build_ok; then
  readme_dir_failure=""
  step make-readme-dir make_readme_dir || readme_dir_failure="could not make $README_DIR"
  for app in "${APPS[@]}"; do
    name=$(step_of typescript "$app")
    if [ "$app" = readme ] && [ -n "$readme_dir_failure" ]; then
      REFERENCE_FAILURE[$app]="$readme_dir_failure"
    elif ! step "$name" run_app typescript "$app"; then
      REFERENCE_FAILURE[$app]="the TypeScript reference ($(label_of typescript "$app")) failed: $(first_error "$LOGS/$name.log")"
    elif ! check=$(node scripts/bindings/compare-templates.js --self-test "$(outdir_of typescript "$app")" --handler "$HANDLER" 2>&1); then
      REFERENCE_FAILURE[$app]="the comparison's self-test on the TypeScript reference ($(label_of typescript "$app")): $check"
    fi
  done
fi

for language in "${LANGUAGES[@]}"; do
  case "$language" in
    python) tools=(python3) ;;
    java) tools=(java mvn) ;;
    go) tools=(go) ;;
    dotnet)
      if ! $build_ok; then
        result dotnet "FAIL: $build_failure"
      elif command -v dotnet >/dev/null; then
        result dotnet "NOT RUN: a .NET app is not written yet (package built in ${TIMING[pacmak-dotnet]} s)"
      else
        result dotnet "NOT RUN: no dotnet SDK on this machine (code generated in ${TIMING[pacmak-dotnet]} s)"
      fi
      continue ;;
  esac
  failure=""
  if ! $build_ok; then
    failure="$build_failure"
  elif tool=$(missing_tool "${tools[@]}"); then
    failure="$tool is not installed"
  elif declare -F "setup_$language" >/dev/null && ! step "setup-$language" "setup_$language"; then
    failure="setup-$language failed: $(first_error "$LOGS/setup-$language.log")"
  fi
  for app in "${APPS[@]}"; do
    label=$(label_of "$language" "$app")
    name=$(step_of "$language" "$app")
    if [ -n "$failure" ]; then
      result "$label" "FAIL: $failure"
    elif [ -n "${REFERENCE_FAILURE[$app]:-}" ]; then
      result "$label" "FAIL: ${REFERENCE_FAILURE[$app]}"
    elif step "$name" run_app "$language" "$app"; then
      judge "$label" "$(outdir_of typescript "$app")" "$(outdir_of "$language" "$app")" "${TIMING[$name]}"
    else
      result "$label" "FAIL (${TIMING[$name]} s): $(first_error "$LOGS/$name.log")"
    fi
  done
done

# --- report -----------------------------------------------------------------

echo
echo "step timings (s):"
for name in "${TIMING_ORDER[@]}"; do printf '  %-22s %4d\n' "$name" "${TIMING[$name]}"; done
echo
passed=0
failed=0
for label in "${RESULT_ORDER[@]}"; do
  echo "$label: ${RESULT[$label]}"
  case "${RESULT[$label]}" in
    PASS*) passed=$((passed + 1)) ;;
    FAIL*) failed=$((failed + 1)) ;;
  esac
done
echo "bindings: $passed passed, $failed failed"
[ $failed -eq 0 ]
