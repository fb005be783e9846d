#!/usr/bin/env bash
# Measures each service's start time (Quarkus' own "started in" line) and resident memory under
# ./pipeline up, and the flag -> decision latency of one adaptation with the rule-based coach.
# Usage: DATA_DIR=/tmp/bench ./scripts/bench-services.sh   (starts and stops the pipeline itself)
set -euo pipefail
cd "$(dirname "$0")/.."
export DATA_DIR=${DATA_DIR:-$(mktemp -d)}
export PIPELINE_DETACH=1
./pipeline up >/dev/null
trap './pipeline down >/dev/null' EXIT
printf '| service | start (s) | RSS (MB) | goal |\n|---|---|---|---|\n'
for s in ingest-service analytics-service llm-service planner-service; do
  pid=$(cat "$DATA_DIR/run/$s.pid")
  start=$(grep -oE 'started in [0-9.]+s' "$DATA_DIR/logs/$s.log" | head -1 | grep -oE '[0-9.]+')
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
  printf '| %s | %s | %s | <= 4 s, <= 250 MB |\n' "$s" "$start" "$rss"
done
# flag -> decision: publish an evaluation and wait for the planner's history to record it
before=$(curl -fsS localhost:8084/athletes/demo/plan/history | grep -o '"cause":"adaptation"' | wc -l)
t0=$(date +%s%N)
curl -fsS -X POST "localhost:8082/admin/evaluate?athlete=demo&today=$(date -u -d '+7 days' +%F)" >/dev/null
until [ "$(curl -fsS localhost:8084/athletes/demo/plan/history | grep -o '"cause":"adaptation"' | wc -l)" -gt "$before" ]; do
  sleep 0.02
done
t1=$(date +%s%N)
echo "flag -> decision (rule-based coach, one sample incl. HTTP polling): $(( (t1 - t0) / 1000000 )) ms"
