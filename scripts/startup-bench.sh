#!/usr/bin/env bash
# Cold start figures (docs/benchmarks.md): the whole platform from `scripts/run.sh` to "is up", then each
# service started alone (JVM start -> Spring's "Started", from its log), with the class archives run.sh
# records and without them (IM_CDS=false). The platform must not be running; the infrastructure is
# started when missing and left running.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
LOG_DIR="${IM_DATA_DIR:-.data}/logs"
OUT="$LOG_DIR/startup-bench.log"
SERVICES=(user-service auth-service friend-service message-service connector-service gateway)
mkdir -p "$LOG_DIR"
export IM_KEEP_INFRA=1

# starts run.sh with the given environment, waits for "is up", stops it; prints the seconds it reported
up_seconds() {
  env "$@" scripts/run.sh > "$OUT" 2>&1 &
  local pid=$!
  until grep -q 'is up in' "$OUT" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$OUT" >&2; echo "run.sh failed (log: $OUT)" >&2; exit 1; }
    sleep 0.5
  done
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  sed -n 's/.*is up in \([0-9]*\) s.*/\1/p' "$OUT"
}

# seconds from JVM start to Spring's "Started" line in the service's log
started_seconds() {
  sed -n 's/.*Started .* (process running for \([0-9.]*\)).*/\1/p' "$LOG_DIR/$1.log" | tail -1
}

echo "[startup] preparing: build and class archives if anything changed ..."
up_seconds > /dev/null
printf '| | whole platform (run.sh -> is up) |'; printf ' %s |' "${SERVICES[@]}"; echo
printf '|---|---|'; printf -- '---|%.0s' "${SERVICES[@]}"; echo
for cds in true false; do
  whole=$(up_seconds IM_CDS=$cds)
  row="| class archives: $cds | $whole s |"
  for service in "${SERVICES[@]}"; do
    up_seconds IM_CDS=$cds IM_SERVICES="$service" > /dev/null
    row="$row $(started_seconds "$service") s |"
  done
  echo "$row"
done
