#!/usr/bin/env bash
# Start figures (docs/benchmarks.md), as a new user meets them: a fresh clone of this checkout's HEAD, its
# first `scripts/run.sh` (the build included) to the "is up" line, then a later start (nothing to build,
# the class archives recorded in the background after the first). Right after each "is up" line every
# route is tried once through the gateway; a 503 there means the ready line came too early.
# The platform must not be running; the infrastructure is started when missing and left running.
#
#   scripts/startup-bench.sh             fresh clone in a temporary directory
#   scripts/startup-bench.sh --here      this checkout (its own build state and archives)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"
GATEWAY="http://127.0.0.1:${IM_GATEWAY_PORT:-8080}"
export IM_KEEP_INFRA=1
if [ "${1:-}" = "--here" ]; then
  CLONE="$ROOT"
else
  CLONE="$(mktemp -d /tmp/im-startup-XXXX)/main"
  git clone -q "$ROOT" "$CLONE"
  [ -d "$ROOT/../shared" ] && ln -s "$ROOT/../shared" "$(dirname "$CLONE")/shared"
  echo "[startup] fresh clone of $(git rev-parse --short HEAD) in $CLONE"
fi
OUT="$CLONE/.data/startup-bench"
mkdir -p "$OUT"

# every route of the gateway, once, as a client would right after the ready line; prints "<status> <route>"
probe_routes() {
  local user="probe$RANDOM$RANDOM" token
  curl -s -o /dev/null -w '%{http_code} POST /api/auth/register\n' -X POST "$GATEWAY/api/auth/register" \
    -H 'content-type: application/json' -d "{\"username\":\"$user\",\"password\":\"correct-horse-battery\"}"
  token=$(curl -s -X POST "$GATEWAY/api/auth/login" -H 'content-type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"correct-horse-battery\",\"deviceId\":\"probe\",\"deviceType\":\"web\"}" |
    sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
  [ -n "$token" ] && echo "200 POST /api/auth/login" || echo "000 POST /api/auth/login (no token)"
  for path in /api/users/me /api/friends /api/conversations /api/groups /api/auth/sessions /; do
    curl -s -o /dev/null -w "%{http_code} GET $path\n" -H "authorization: Bearer $token" "$GATEWAY$path"
  done
  curl -s -o /dev/null -w '%{http_code} POST /api/sync\n' -X POST "$GATEWAY/api/sync" \
    -H "authorization: Bearer $token" -H 'content-type: application/json' -d '{}'
  curl -s -o /dev/null -m 3 -w '%{http_code} GET /ws (upgrade)\n' --http1.1 "$GATEWAY/ws?token=$token" \
    -H 'connection: Upgrade' -H 'upgrade: websocket' -H 'sec-websocket-version: 13' \
    -H 'sec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==' || true
}

# starts run.sh in the clone, waits for "is up", probes the routes; leaves it running (pid in RUN_PID)
start() {
  local log="$OUT/$1.log" t0=$SECONDS
  (cd "$CLONE" && exec scripts/run.sh) > "$log" 2>&1 &
  RUN_PID=$!
  until grep -q 'is up in' "$log" 2>/dev/null; do
    kill -0 "$RUN_PID" 2>/dev/null || { tail -20 "$log" >&2; echo "run.sh failed (log: $log)" >&2; exit 1; }
    sleep 0.2
  done
  local up=$((SECONDS - t0))
  probe_routes > "$OUT/$1-routes.txt"
  local unavailable
  unavailable=$(grep -c '^503' "$OUT/$1-routes.txt" || true)
  printf '| %s | %s s | %s | %s |\n' "$1" "$up" "$(sed -n 's/.*\[run\] \(built ([0-9]* s)\).*/\1/p' "$log" | head -1)" \
    "$(wc -l < "$OUT/$1-routes.txt") routes, $unavailable answered 503: $(tr '\n' ';' < "$OUT/$1-routes.txt" | cut -c1-200)"
}

stop() {
  kill -TERM "$RUN_PID" 2>/dev/null || true
  wait "$RUN_PID" 2>/dev/null || true
}

echo "| start | command -> \"is up\" | build | right after the ready line |"
echo "|---|---|---|---|"
start first
# the later start is the one after the background recording of the class archives
until grep -q 'class archives recorded' "$OUT/first.log" 2>/dev/null; do
  kill -0 "$RUN_PID" 2>/dev/null || break
  sleep 1
done
stop
start later
stop
echo "[startup] logs in $OUT"
