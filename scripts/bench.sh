#!/usr/bin/env bash
# Benchmarks through the gateway, as real clients (see docs/benchmarks.md).
#   scripts/bench.sh [--start] [--scenario=one-to-one] [--connections=1000] [--rate=2] [--seconds=30] [--warmup=5]
#       one-to-one: friend pairs; open loop at --rate per device, or --mode=closed --window=N in flight per device;
#                   then the limits of the parts (--limits=false skips, --limit-seconds=10)
#   --scenario=group --connections=1000 --online=200 --messages=100    fan-out to a group's online members
#   --scenario=storm --connections=2000                                 everyone connects and syncs at once
#   --scenario=idle --connections=10000 --devices=5 --ws=ws://localhost:8085/ws --seconds=60
#                                                                       heartbeats only: memory/CPU per connection
#                   (--heartbeat-seconds=30: each connection's ping period, the SDK's default)
#                   (--devices=N: N devices per user, at most 5; --ws: straight to a connector, see docs/benchmarks.md)
#   --scenario=limits                                                   only the raw Kafka / INSERT / WebSocket limits
# Results: bench/target/results/<scenario>-<time>.json, .md and (with a timeline) .html.
# --start: start the platform first (scripts/run.sh, with the rate limits a load test needs
# lifted) and stop it afterwards; without it, the benchmark drives a platform that already runs.
# A platform just started runs its hot paths interpreted or C1-compiled for minutes while C2 compiles
# them on the same two cores (half the throughput in its first minute, still climbing ten minutes after the
# start): with --start, the one-to-one scenario drives the same load for --warmup=420 s before it measures,
# unless --warmup is given (docs/benchmarks.md, "Issue 16, fourth part").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

START=false
ARGS=()
WARMUP_GIVEN=false
ONE_TO_ONE=true
for arg in "$@"; do
  case "$arg" in
    --start) START=true; continue ;;
    --warmup=*) WARMUP_GIVEN=true ;;
    --scenario=*) [ "$arg" = "--scenario=one-to-one" ] || ONE_TO_ONE=false ;;
  esac
  ARGS+=("$arg")
done
if $START && $ONE_TO_ONE && ! $WARMUP_GIVEN; then
  ARGS+=("--warmup=420")
  echo "[bench] the platform starts cold: 420 s of the same load warm its JIT before the measurement (--warmup=N to change)"
fi

mvn -B -q -ntp -DskipTests -pl bench -am package > /dev/null

PLATFORM_PID=""
LOG_DIR="${IM_DATA_DIR:-.data}/logs"
mkdir -p "$LOG_DIR"
if $START; then
  # one client machine opens every connection: per-address budgets would throttle the test itself
  export IM_RATE_REGISTER_PER_IP=1000000 IM_RATE_LOGIN_PER_IP=1000000 IM_RATE_LOGIN_PER_USERNAME=1000000 \
         IM_RATE_WEBSOCKET_PER_IP=1000000 IM_RATE_PER_USER=1000000 IM_RATE_PER_ANONYMOUS_IP=1000000
  # measured as deployed (the Dockerfile's options): the full JIT (run.sh's default stops at C1, which starts
  # faster but runs slower) and no Netty buffer-leak sampling (run.sh and the tests keep it on, to find leaks)
  export IM_JAVA_OPTS="${IM_JAVA_OPTS:--Xss512k -Xmx1g -Dio.netty.leakDetection.level=disabled}"
  # no class archive is recorded in the background while the benchmark measures
  export IM_CDS="${IM_CDS:-false}"
  scripts/run.sh > "$LOG_DIR/bench-platform.log" 2>&1 &
  PLATFORM_PID=$!
  trap 'kill $PLATFORM_PID 2>/dev/null; wait $PLATFORM_PID 2>/dev/null || true' EXIT
  echo "[bench] starting the platform (log: $LOG_DIR/bench-platform.log) ..."
  until grep -q "is up in" "$LOG_DIR/bench-platform.log" 2>/dev/null; do
    kill -0 "$PLATFORM_PID" 2>/dev/null || { tail -20 "$LOG_DIR/bench-platform.log"; exit 1; }
    sleep 1
  done
  grep "is up in" "$LOG_DIR/bench-platform.log"
fi

# the parallel collector: the load generator keeps every measured message's id (hundreds of thousands), which
# G1's concurrent marking and refinement paid for on the cores the platform needs (31-35 us of CPU per message
# against 26-29 with this collector, docs/benchmarks.md)
java -Xmx1g -XX:+UseParallelGC -jar bench/target/bench-0.1.0-SNAPSHOT-exec.jar "${ARGS[@]}"
