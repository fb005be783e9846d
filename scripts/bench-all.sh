#!/usr/bin/env bash
# Runs every benchmark of issue 9 once, in one go, and writes their results into docs/benchmarks.md
# (the block between the "bench-all" markers; the hand-written notes around it stay).
#
#   ./scripts/bench-all.sh            full sizes (the issue's), ~10 min on an idle 2-core machine
#   ./scripts/bench-all.sh --quick    tiny sizes, a smoke test of the programs; writes nothing
#
# Every program prints lines `BENCH|benchmark|measured|baseline|ratio|goal|met` (bench/README.md);
# this script collects them, in the order the programs ran. A program that fails is recorded as a
# failed row and the others still run; the script then exits 1.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

QUICK=0
[ "${1:-}" = "--quick" ] && QUICK=1

LOG_DIR=$(mktemp -d -t bench-all.XXXXXX)
RESULTS="$LOG_DIR/results.txt"
: >"$RESULTS"
FAILED=0

say() { printf '\033[1m[bench-all]\033[0m %s\n' "$*"; }

# Sizes: the issue's by default; --quick runs each program on a few hundred items.
if [ $QUICK = 1 ]; then
  REPLAY_ARGS=(20000 100)
  FIT_ARGS=(200)
  RECOMPUTE_ARGS=(20 1)
  LATENCY_ARGS=(50)
  CALLS_ARGS=()
else
  REPLAY_ARGS=(1000000 1000)
  FIT_ARGS=(2000)
  RECOMPUTE_ARGS=(1000 10)
  LATENCY_ARGS=(500)
  CALLS_ARGS=()
fi

say "building (services, Mini-Garmin, bench programs; tests skipped)"
if ! ./mvnw -B -q package -DskipTests -pl '!e2e-tests' >"$LOG_DIR/build.log" 2>&1; then
  tail -40 "$LOG_DIR/build.log"
  say "build failed (log: $LOG_DIR/build.log)"
  exit 1
fi
CP="$(ls bench/target/bench-*.jar | head -1):$(cat bench/target/classpath.txt)"

run() { # run NAME COMMAND... : runs one benchmark, keeps its BENCH lines, logs the rest
  local name=$1; shift
  local log="$LOG_DIR/$name.log" start=$SECONDS
  say "$name: ${SHOW:-$*}"
  if "$@" >"$log" 2>&1; then
    say "$name: done in $((SECONDS - start)) s"
  else
    say "$name: FAILED after $((SECONDS - start)) s (log: $log)"
    tail -20 "$log"
    printf 'BENCH|%s|failed (exit code, see log)|—|—|—|no\n' "$name" >>"$RESULTS"
    FAILED=1
  fi
  grep -a '^BENCH|' "$log" >>"$RESULTS"
}

java_bench() { # java_bench NAME MAIN-CLASS [ARGS...]
  local name=$1 main=$2; shift 2
  SHOW="java -Xmx3g -cp <bench classpath> $main $*" run "$name" java -Xmx3g -cp "$CP" "io.trainingpipeline.bench.$main" "$@"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
T0=$SECONDS
java_bench replay ReplayBenchmark "${REPLAY_ARGS[@]}"
java_bench fit-ingest FitIngestBenchmark "${FIT_ARGS[@]}"
java_bench recompute RecomputeBenchmark "${RECOMPUTE_ARGS[@]}"
java_bench decision-latency DecisionLatencyBenchmark "${LATENCY_ARGS[@]}"
java_bench garmin-calls GarminCallsBenchmark "${CALLS_ARGS[@]}"
run services env DATA_DIR="$LOG_DIR/pipeline-data" ./scripts/bench-services.sh
ELAPSED=$((SECONDS - T0))
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

table() {
  echo "| benchmark | measured | baseline (same run) | ratio / figure | goal | met |"
  echo "|---|---|---|---|---|---|"
  awk -F'|' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7 }' "$RESULTS"
}

BLOCK="$LOG_DIR/block.md"
{
  echo "<!-- bench-all:begin (written by scripts/bench-all.sh; edit outside the markers) -->"
  echo "## All benchmarks, one run"
  echo
  echo "Command: \`./scripts/bench-all.sh\` — started $STARTED, commit \`$(git rev-parse --short HEAD)\`,"
  echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')),"
  echo "load average before $LOAD_BEFORE, after $LOAD_AFTER; all programs in ${ELAPSED} s."
  echo
  table
  echo
  echo "<!-- bench-all:end -->"
} >"$BLOCK"

cat "$BLOCK"
if [ $QUICK = 1 ]; then
  say "quick run: docs/benchmarks.md left as it is (logs: $LOG_DIR)"
else
  python3 - "$BLOCK" "$ROOT/docs/benchmarks.md" <<'EOF'
import re, sys
block = open(sys.argv[1]).read().rstrip("\n")
path = sys.argv[2]
doc = open(path).read()
pattern = re.compile(r"<!-- bench-all:begin.*?<!-- bench-all:end -->", re.S)
if pattern.search(doc):
    doc = pattern.sub(lambda m: block, doc, count=1)
else:  # first run: the block goes right after the title paragraph
    head, _, rest = doc.partition("\n## ")
    doc = head.rstrip("\n") + "\n\n" + block + "\n\n## " + rest if rest else doc + "\n" + block + "\n"
open(path, "w").write(doc)
EOF
  say "wrote docs/benchmarks.md (logs: $LOG_DIR)"
fi
exit $FAILED
