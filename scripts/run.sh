#!/usr/bin/env bash
# Starts the whole ChatForge IM platform on this machine with development defaults:
# MariaDB/MySQL, Redis and Kafka (scripts/infra.sh), then every service as its own JVM, each on
# its own port with its own configuration, as in production. Ctrl-C stops the services, and the parts of
# the infrastructure this run had to start (IM_KEEP_INFRA=1 keeps those running).
#
#   scripts/run.sh              build what changed since the last build, then start
#   scripts/run.sh --no-build   start the jars already built
#   IM_SERVICES=user-service,auth-service scripts/run.sh   only those services
#
# Every setting can be overridden with the environment variables listed in README.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"
VERSION="0.1.0-SNAPSHOT"
DATA_DIR="${IM_DATA_DIR:-$ROOT/.data}"
LOG_DIR="$DATA_DIR/logs"

# name:port:health port, in start order
SERVICES=(
  "user-service:${IM_USER_PORT:-8082}:${IM_USER_PORT:-8082}"
  "auth-service:${IM_AUTH_PORT:-8081}:${IM_AUTH_PORT:-8081}"
  "friend-service:${IM_FRIEND_PORT:-8083}:${IM_FRIEND_PORT:-8083}"
  "message-service:${IM_MESSAGE_PORT:-8084}:${IM_MESSAGE_PORT:-8084}"
  "media-service:${IM_MEDIA_PORT:-8086}:${IM_MEDIA_PORT:-8086}"
  "push-service:${IM_PUSH_PORT:-8087}:${IM_PUSH_PORT:-8087}"
  "connector-service:${IM_CONNECTOR_PORT:-8085}:${IM_CONNECTOR_PORT:-8085}"
  "gateway:${IM_GATEWAY_PORT:-8080}:${IM_GATEWAY_MANAGEMENT_PORT:-8090}"
)
if [ -n "${IM_SERVICES:-}" ]; then   # a subset, e.g. IM_SERVICES=user-service,auth-service
  chosen=()
  for entry in "${SERVICES[@]}"; do
    [[ ",$IM_SERVICES," == *",${entry%%:*},"* ]] && chosen+=("$entry")
  done
  [ "${#chosen[@]}" -gt 0 ] || { echo "[run] ERROR: IM_SERVICES names no known service: $IM_SERVICES" >&2; exit 1; }
  SERVICES=("${chosen[@]}")
fi
name_of() { echo "${1%%:*}"; }
port_of() { local rest="${1#*:}"; echo "${rest%%:*}"; }
health_port_of() { echo "${1##*:}"; }

say() { printf '[run] %s\n' "$*"; }
fail() { printf '[run] ERROR: %s\n' "$*" >&2; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_ports_free() {
  local management="${IM_GATEWAY_MANAGEMENT_PORT:-8090}"
  if port_in_use "$management"; then
    fail "port $management (gateway health and metrics) is already in use; stop it or set IM_GATEWAY_MANAGEMENT_PORT"
  fi
  for entry in "${SERVICES[@]}"; do
    local name port
    name=$(name_of "$entry")
    port=$(port_of "$entry")
    if port_in_use "$port"; then
      local holder
      holder=$(ss -ltnpH "sport = :$port" 2>/dev/null | sed -n 's/.*users:((\("[^"]*"\).*/\1/p' | head -1)
      local var
      var="IM_$(echo "${name%-service}" | tr '[:lower:]' '[:upper:]')_PORT"
      fail "port $port (for $name) is already in use${holder:+ by $holder}; stop it or set $var"
    fi
  done
}

MODULES="user-service,auth-service,friend-service,message-service,media-service,push-service,connector-service,gateway"

# true when some file under the given paths changed after the reference file (or it is missing)
changed_since() {
  local reference="$1"; shift
  [ -f "$reference" ] || return 0
  [ -n "$(find "$@" -type f -newer "$reference" -not -path '*/node_modules/*' -not -path '*/target/*' \
    -not -path '*/dist/*' -print -quit 2>/dev/null)" ]
}

# The modules to rebuild: all when the shared parts (root pom, libs) changed since the oldest jar,
# else those with a source newer than their own jar. Untouched services keep their jar, and so
# their class archive.
changed_modules() {
  local oldest="" jar changed=()
  for module in ${MODULES//,/ }; do
    jar="$ROOT/$module/target/$module-$VERSION-exec.jar"
    if [ ! -f "$jar" ]; then echo "$MODULES"; return; fi
    if [ -z "$oldest" ] || [ "$jar" -ot "$oldest" ]; then oldest="$jar"; fi
  done
  if changed_since "$oldest" pom.xml libs; then echo "$MODULES"; return; fi
  for module in ${MODULES//,/ }; do
    changed_since "$ROOT/$module/target/$module-$VERSION-exec.jar" "$module/pom.xml" "$module/src" && changed+=("$module")
  done
  (IFS=,; echo "${changed[*]}")
}

web_client_changed() {
  changed_since clients/web/dist/index.html clients/package.json clients/package-lock.json clients/js clients/web
}

# Builds what changed since the last build: a start with nothing changed skips Maven.
build() {
  local modules
  modules=$(changed_modules)
  if [ -z "$modules" ]; then
    say "services unchanged since their last build: not rebuilt"
  else
    build_services "$modules"
  fi
  if ! web_client_changed; then
    say "web client unchanged since its last build: not rebuilt"
  else
    build_web_client
  fi
}

build_services() {
  say "building ${1//,/, } (mvn package, tests skipped) ..."
  mvn -B -q -ntp -DskipTests -pl "$1" -am package \
    > "$LOG_DIR/build.log" 2>&1 || { tail -40 "$LOG_DIR/build.log" >&2; fail "build failed (log: $LOG_DIR/build.log)"; }
}

build_web_client() {
  say "building the web client (clients/, npm) ..."
  scripts/clients.sh build > "$LOG_DIR/web-build.log" 2>&1 \
    || { tail -20 "$LOG_DIR/web-build.log" >&2; fail "web client build failed (log: $LOG_DIR/web-build.log)"; }
}

PIDS=()
STARTED_INFRA=()   # the parts of the infrastructure this run started (stopped again on exit)
stop_all() {
  trap - INT TERM EXIT
  if [ -n "${RECORDER_PID:-}" ]; then
    pkill -P "$RECORDER_PID" 2>/dev/null || true
    kill "$RECORDER_PID" 2>/dev/null || true
  fi
  if [ "${#PIDS[@]}" -gt 0 ]; then
    say "stopping the services ..."
    kill "${PIDS[@]}" 2>/dev/null || true
    wait "${PIDS[@]}" 2>/dev/null || true
    say "services stopped"
  fi
  if [ "${#STARTED_INFRA[@]}" -gt 0 ] && [ "${IM_KEEP_INFRA:-0}" != 1 ]; then
    say "stopping what this run started: ${STARTED_INFRA[*]} (IM_KEEP_INFRA=1 keeps it) ..."
    scripts/infra.sh down "${STARTED_INFRA[@]}" || true
  elif [ "${#STARTED_INFRA[@]}" -eq 0 ] && [ "${#PIDS[@]}" -gt 0 ]; then
    say "infrastructure was already running before this run and keeps running (scripts/infra.sh down stops it)"
  fi
}

# -XX:-UsePerfData: no hsperfdata sampling thread waking 20 times a second in every JVM (about 0.5 % of a core
# each on this machine when idle); jcmd <pid> still works, jps/jstat do not list the services.
# G1's service thread (3 wake-ups a second) and the monitor deflation thread (4 a second) cost about 0.17 % of a
# core each per idle JVM here: they wake every 2 s and every 1 s instead (IDLE_JVM_OPTS, also in the Dockerfile)
IDLE_JVM_OPTS="-XX:-UsePerfData -XX:G1ConcRefinementServiceIntervalMillis=2000 -XX:+UnlockDiagnosticVMOptions -XX:AsyncDeflationInterval=1000"
JAVA_OPTS="$IDLE_JVM_OPTS ${IM_JAVA_OPTS:--XX:TieredStopAtLevel=1 -Xss512k -Xmx384m}"
CDS_DIR="$DATA_DIR/cds"
fat_jar() { echo "$ROOT/$1/target/$1-$VERSION-exec.jar"; }
extracted_jar() { echo "$CDS_DIR/$1/$1-$VERSION-exec.jar"; }
class_archive() { echo "$CDS_DIR/$1/classes.jsa"; }

# Class-data sharing: each service runs from its extracted jar with a class archive recorded once per
# build by a start that stops as soon as the context is refreshed (Spring's spring.context.exit=onRefresh,
# before any port is bound or any consumer joins). The JVM then maps those classes instead of loading
# and verifying them: about half the CPU of a start, which is what eight JVMs starting together on two
# cores wait for. The recording runs in the background once the platform is up (one service at a time,
# at the lowest priority), so it never delays a start: the next start uses the archives.
# IM_CDS=false runs the jars as built and records nothing.
has_class_archive() {
  [ "${IM_CDS:-true}" = true ] && [ -f "$(class_archive "$1")" ] && [ ! "$(fat_jar "$1")" -nt "$(class_archive "$1")" ]
}

record_class_archives_in_background() {
  [ "${IM_CDS:-true}" = true ] || return 0
  local stale=() name
  for entry in "${SERVICES[@]}"; do
    name=$(name_of "$entry")
    has_class_archive "$name" || stale+=("$name")
  done
  [ "${#stale[@]}" -gt 0 ] || return 0
  say "recording class archives in the background for faster later starts: ${stale[*]}"
  (
    for name in "${stale[@]}"; do
      # the services with a stale archive run from their built jar, so this directory is free
      rm -rf "${CDS_DIR:?}/$name"
      if java -Djarmode=tools -jar "$(fat_jar "$name")" extract --destination "$CDS_DIR/$name" \
        && nice -n 19 java $JAVA_OPTS -XX:ArchiveClassesAtExit="$CDS_DIR/$name/classes.jsa.tmp" \
          -Dspring.context.exit=onRefresh -jar "$(extracted_jar "$name")" \
        && [ -f "$CDS_DIR/$name/classes.jsa.tmp" ]; then
        mv "$CDS_DIR/$name/classes.jsa.tmp" "$(class_archive "$name")"
      else
        rm -rf "${CDS_DIR:?}/$name"
      fi
    done > "$LOG_DIR/cds.log" 2>&1
    say "class archives recorded ($((SECONDS - RUN_STARTED)) s); the next start uses them"
  ) &
  RECORDER_PID=$!
}

start_service() {
  local name="$1" port="$2"
  local jar
  jar=$(fat_jar "$name")
  # only the gateway listens on every interface; the others answer this machine alone (their
  # /internal/** and actuator endpoints are not for other hosts). IM_BIND_ADDRESS changes it.
  if [ "$name" = gateway ]; then unset SERVER_ADDRESS; else export SERVER_ADDRESS="${IM_BIND_ADDRESS:-127.0.0.1}"; fi
  [ -f "$jar" ] || fail "$jar is missing: run without --no-build"
  : > "$LOG_DIR/$name.log"
  if has_class_archive "$name"; then
    # -Xshare:auto: a JVM that cannot map the archive (other options) starts without it
    java $JAVA_OPTS -XX:SharedArchiveFile="$(class_archive "$name")" -Xshare:auto \
      -jar "$(extracted_jar "$name")" >> "$LOG_DIR/$name.log" 2>&1 &
  else
    java $JAVA_OPTS -jar "$jar" >> "$LOG_DIR/$name.log" 2>&1 &
  fi
  PIDS+=("$!")
  say "starting $name on port $port (log: $LOG_DIR/$name.log)"
}

await_ready() {
  # eight JVMs starting at once on two cores with the full JIT and no class archive take 2-3 minutes
  local name="$1" port="$2" health_port="$3" pid="$4" limit="${IM_READY_TIMEOUT:-300}"
  local deadline=$((SECONDS + limit))
  until curl -fsS "http://127.0.0.1:$health_port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -30 "$LOG_DIR/$name.log" >&2
      fail "$name exited while starting (log: $LOG_DIR/$name.log)"
    fi
    [ "$SECONDS" -lt "$deadline" ] || { tail -30 "$LOG_DIR/$name.log" >&2; fail "$name not ready after $limit s (IM_READY_TIMEOUT)"; }
    sleep 0.5
  done
  say "$name ready on http://localhost:$port ($((SECONDS - RUN_STARTED)) s)"
}

RUN_STARTED=$SECONDS
main() {
  local started=$RUN_STARTED
  # each WebSocket costs the gateway two descriptors and the connector one: allow tens of thousands
  ulimit -n 131072 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  mkdir -p "$LOG_DIR"
  check_ports_free
  trap stop_all INT TERM EXIT
  local infra_log="$LOG_DIR/infra.log"
  scripts/infra.sh up 2>&1 | tee "$infra_log" || fail "the infrastructure did not start (log: $infra_log)"
  for part in mariadb redis kafka s3; do
    grep -q "^\[infra\] $part .*(started" "$infra_log" && STARTED_INFRA+=("$part")
  done
  eval "$(scripts/infra.sh env)"
  if [ "${1:-}" != "--no-build" ]; then
    build
    say "built ($((SECONDS - RUN_STARTED)) s)"
  fi

  export SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-dev}"
  # services find each other on the ports chosen above
  export IM_USER_SERVICE_URL="${IM_USER_SERVICE_URL:-http://127.0.0.1:${IM_USER_PORT:-8082}}"
  export IM_AUTH_SERVICE_URL="${IM_AUTH_SERVICE_URL:-http://127.0.0.1:${IM_AUTH_PORT:-8081}}"
  export IM_FRIEND_SERVICE_URL="${IM_FRIEND_SERVICE_URL:-http://127.0.0.1:${IM_FRIEND_PORT:-8083}}"
  export IM_MESSAGE_SERVICE_URL="${IM_MESSAGE_SERVICE_URL:-http://127.0.0.1:${IM_MESSAGE_PORT:-8084}}"
  export IM_MEDIA_SERVICE_URL="${IM_MEDIA_SERVICE_URL:-http://127.0.0.1:${IM_MEDIA_PORT:-8086}}"
  export IM_PUSH_SERVICE_URL="${IM_PUSH_SERVICE_URL:-http://127.0.0.1:${IM_PUSH_PORT:-8087}}"
  # Web Push: a VAPID key pair generated on the first start and kept (production: IM_PUSH_VAPID_*_KEY)
  export IM_PUSH_VAPID_KEY_FILE="${IM_PUSH_VAPID_KEY_FILE:-$DATA_DIR/push-vapid-keys.txt}"
  export IM_CONNECTOR_URLS="${IM_CONNECTOR_URLS:-http://127.0.0.1:${IM_CONNECTOR_PORT:-8085}}"
  export IM_AUTH_JWKS_URI="${IM_AUTH_JWKS_URI:-$IM_AUTH_SERVICE_URL/api/auth/.well-known/jwks.json}"
  export IM_AUTH_DEV_KEY_FILE="${IM_AUTH_DEV_KEY_FILE:-$DATA_DIR/dev-jwt-key.pem}"
  export IM_WEB_ROOT="${IM_WEB_ROOT:-file:$ROOT/clients/web/dist/}"
  [ -f "$ROOT/clients/web/dist/index.html" ] || say "note: no web client build in clients/web/dist (run without --no-build)"
  for entry in "${SERVICES[@]}"; do start_service "$(name_of "$entry")" "$(port_of "$entry")"; done
  local i=0
  for entry in "${SERVICES[@]}"; do
    await_ready "$(name_of "$entry")" "$(port_of "$entry")" "$(health_port_of "$entry")" "${PIDS[$i]}"
    i=$((i + 1))
  done

  say "ChatForge IM is up in $((SECONDS - started)) s"
  say "web client: http://localhost:${IM_GATEWAY_PORT:-8080}   (REST under /api, WebSocket at /ws)"
  say "try: curl -X POST localhost:${IM_GATEWAY_PORT:-8080}/api/auth/register -H 'content-type: application/json' -d '{\"username\":\"alice\",\"password\":\"correct-horse\"}'"
  say "Ctrl-C stops everything this run started"
  record_class_archives_in_background
  wait "${PIDS[@]}"
}

main "$@"
