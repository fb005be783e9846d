#!/usr/bin/env bash
# Measures each service's start time (Quarkus' own "started in" line) and resident memory under
# ./pipeline up. Flag -> decision latency is measured by bench's DecisionLatencyBenchmark
# (bench/README.md), not here.
# Usage: DATA_DIR=/tmp/bench ./scripts/bench-services.sh   (starts and stops the pipeline itself)
set -euo pipefail
cd "$(dirname "$0")/.."
created=
if [ -z "${DATA_DIR:-}" ]; then DATA_DIR=$(mktemp -d); created=1; fi
export DATA_DIR
export PIPELINE_DETACH=1
cleanup() {
  ./pipeline down >/dev/null || true
  if [ -n "$created" ]; then rm -rf "$DATA_DIR"; fi
}
trap cleanup EXIT
./pipeline up >/dev/null
printf '| service | start (s) | RSS (MB) | goal |\n|---|---|---|---|\n'
results=()
for s in ingest-service analytics-service llm-service planner-service; do
  pid=$(cat "$DATA_DIR/run/$s.pid")
  start=$(grep -oE 'started in [0-9.]+s' "$DATA_DIR/logs/$s.log" | head -1 | grep -oE '[0-9.]+')
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
  printf '| %s | %s | %s | <= 4 s, <= 250 MB |\n' "$s" "$start" "$rss"
  met=$(awk -v t="$start" -v r="$rss" 'BEGIN { print (t <= 4 && r <= 250) ? "yes" : "no" }')
  results+=("BENCH|$s start and RSS under ./pipeline up|started in $start s, RSS $rss MB|none (absolute figures)|-|<= 4 s, <= 250 MB|$met")
done
# benchmark output contract: one line per result, at the end
printf '%s\n' "${results[@]}"
