#!/usr/bin/env bash
# Start time and resident memory of each service under ./pipeline up (issue 9, goal <= 4 s, <= 250 MB),
# against a baseline measured in the same run: a minimal JVM HTTP server (the JDK's HttpServer, same
# JVM options) from exec to its first 200, i.e. the floor any JVM service pays on this machine now.
#
#   scripts/bench-services.sh [backfill-days]     (default 120, as ./pipeline up)
#
# Start time = from the exec of the service's JVM to the first 200 of its /q/health/ready (broker
# reachable, stores open), polled every 0.1 s by ./pipeline itself ($DATA_DIR/run/*.exec-ms,
# *.ready-ms); Quarkus' own "started in" is shown next to it. RSS = VmRSS once `up` is done (Kafka,
# Mini-Garmin, the four services, a backfill and one adaptation), with the peak (VmHWM) beside it.
# Services start as ./pipeline starts them (as many at a time as there are cores). Flag -> decision
# latency is bench's DecisionLatencyBenchmark, not here.
#
# The pipeline runs on its own ports' defaults in a temporary folder, removed at the end; ./pipeline
# must not be running already. When a service has no class-data archive for its current build (the
# first run after a build writes it, see ./pipeline), one unmeasured run writes them first.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SERVICES=(ingest-service analytics-service llm-service planner-service)
work=$(mktemp -d)
export DATA_DIR=$work/data PLANS_DIR=$work/plans PIPELINE_DETACH=1 BACKFILL_DAYS=${1:-120}
cleanup() {
  ./pipeline down >/dev/null 2>&1 || true
  [ -n "${hello_pid:-}" ] && kill "$hello_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# ./pipeline's defaults, read from the script so the baseline always runs with the same options
eval "$(grep -E '^SERVICE_JAVA_OPTS=' pipeline)"

ms() { date +%s%3N; }
rss_mb() { awk -v k="$2:" '$1 == k {printf "%.0f", $2/1024}' "/proc/$1/status"; }

# --- baseline: minimal JVM HTTP server, exec to first 200, median of 3 ----------------------------
mkdir -p "$work/hello"
cat >"$work/hello/Hello.java" <<'EOF'
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;

public class Hello {
    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        server.createContext("/q/health/ready", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }
}
EOF
javac -d "$work/hello" "$work/hello/Hello.java"
hello_port=18189
hello_times=()
for _ in 1 2 3; do
  t0=$(ms)
  # shellcheck disable=SC2086 # option list
  java $SERVICE_JAVA_OPTS -cp "$work/hello" Hello "$hello_port" &
  hello_pid=$!
  until curl -fs -o /dev/null -m 2 "http://127.0.0.1:$hello_port/q/health/ready"; do sleep 0.1; done
  hello_times+=($(($(ms) - t0)))
  hello_rss=$(rss_mb "$hello_pid" VmRSS)
  hello_cpu=$(awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$hello_pid/stat")
  kill "$hello_pid"; wait "$hello_pid" 2>/dev/null || true; hello_pid=
done
hello_ms=$(printf '%s\n' "${hello_times[@]}" | sort -n | sed -n 2p)
hello_s=$(awk -v m="$hello_ms" 'BEGIN{printf "%.2f", m/1000}')

# --- first run after a build: write the class-data archives (not measured) ------------------------
if [ "${SERVICE_CDS:-1}" = 1 ]; then
  stale=0
  for s in "${SERVICES[@]}"; do
    app=$s/target/quarkus-app
    if [ ! -f "$app/pipeline-cds.jsa" ] || [ -n "$(find "$app" -name '*.jar' -newer "$app/pipeline-cds.jsa" -print -quit)" ]; then stale=1; fi
  done
  if (( stale )); then
    echo "[bench] no class-data archive for this build yet: one unmeasured run writes them" >&2
    BACKFILL_DAYS=14 ./pipeline up >"$work/training.log" 2>&1 || { cat "$work/training.log" >&2; exit 1; }
    ./pipeline down >>"$work/training.log" 2>&1
    rm -rf "$DATA_DIR" "$PLANS_DIR"
  fi
fi

# --- the measured run -----------------------------------------------------------------------------
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
date_utc=$(date -u '+%Y-%m-%d %H:%M UTC')
t_up=$(ms)
./pipeline up >"$work/up.log" 2>&1 || { cat "$work/up.log" >&2; exit 1; }
up_s=$(awk -v a="$t_up" -v b="$(ms)" 'BEGIN{printf "%.0f", (b-a)/1000}')
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

run=$DATA_DIR/run
first_exec=$(cat "$run"/*-service.exec-ms | sort -n | head -1)
last_ready=0
results=()
printf '\n%s, load average %s before / %s after; ./pipeline up (backfill %s days + adapt) took %s s\n' \
  "$date_utc" "$load_before" "$load_after" "$BACKFILL_DAYS" "$up_s"
printf 'baseline: minimal JVM HTTP server (same JVM options) exec to first 200: %s s (median of %s ms), %s CPU-s, RSS %s MB\n\n' \
  "$hello_s" "${hello_times[*]}" "$hello_cpu" "$hello_rss"
printf '| service | start, exec to ready (s) | Quarkus "started in" (s) | CPU until ready (s) | RSS after up (MB) | peak RSS (MB) | CDS archive |\n|---|---|---|---|---|---|---|\n'
for s in "${SERVICES[@]}"; do
  pid=$(cat "$run/$s.pid")
  exec_ms=$(cat "$run/$s.exec-ms")
  ready_ms=$(cat "$run/$s.ready-ms")
  (( ready_ms > last_ready )) && last_ready=$ready_ms
  start_s=$(awk -v a="$exec_ms" -v b="$ready_ms" 'BEGIN{printf "%.1f", (b-a)/1000}')
  quarkus_s=$(grep -oE 'started in [0-9.]+s' "$DATA_DIR/logs/$s.log" | head -1 | grep -oE '[0-9.]+' || echo "?")
  rss=$(rss_mb "$pid" VmRSS)
  hwm=$(rss_mb "$pid" VmHWM)
  cds=no
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "SharedArchiveFile" && cds=yes
  cpu_s=$(cat "$run/$s.ready-cpu" 2>/dev/null || echo "?")
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$s" "$start_s" "$quarkus_s" "$cpu_s" "$rss" "$hwm" "$cds"
  start_met=$(awk -v t="$start_s" 'BEGIN{print (t <= 4) ? "yes" : "no"}')
  rss_met=$(awk -v r="$hwm" 'BEGIN{print (r <= 250) ? "yes" : "no"}')
  results+=("BENCH|$s start under ./pipeline up (exec to ready)|$start_s s (Quarkus started in $quarkus_s s, $cpu_s CPU-s)|minimal JVM HTTP server exec to first 200 $hello_s s|$(awk -v t="$start_s" -v h="$hello_s" 'BEGIN{printf "%.1fx", t/h}')|<= 4 s|$start_met")
  results+=("BENCH|$s RSS under ./pipeline up (peak)|$hwm MB (after up $rss MB)|minimal JVM HTTP server $hello_rss MB|$(awk -v r="$hwm" -v h="$hello_rss" 'BEGIN{printf "%.1fx", r/h}')|<= 250 MB|$rss_met")
done
all_s=$(awk -v a="$first_exec" -v b="$last_ready" 'BEGIN{printf "%.1f", (b-a)/1000}')
printf '\nfour services ready %s s after the first was started\n\n' "$all_s"
printf '%s\n' "${results[@]}"
