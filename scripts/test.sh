#!/usr/bin/env bash
# Runs all tests: the JavaScript SDK's unit tests, then the Java unit tests, then integration tests
# against a real MySQL-compatible server, Redis and Kafka (scripts/infra.sh brings them up first if
# they are not running), including the SDK against the platform and the web client in Chromium.
#   scripts/test.sh                        everything
#   scripts/test.sh -pl auth-service -am   Maven arguments pass through
#   IM_SKIP_CLIENTS=1 scripts/test.sh ...  without building clients/ (their tests then skip)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# A platform from scripts/run.sh shares the Kafka topics with the test platform: its message-service
# would consume the tests' sends and answer them with its own data.
if curl -fsS -m 2 "http://127.0.0.1:${IM_MESSAGE_PORT:-8084}/actuator/health" >/dev/null 2>&1; then
  echo "[test] ERROR: a platform started by scripts/run.sh is running (message-service on port ${IM_MESSAGE_PORT:-8084});" \
    "it shares Kafka topics with the tests: stop it (Ctrl-C) and run the tests again" >&2
  exit 1
fi

scripts/infra.sh up
eval "$(scripts/infra.sh env)"

clients=()
if [ "${IM_SKIP_CLIENTS:-0}" != 1 ]; then
  scripts/clients.sh browser
  scripts/clients.sh build
  scripts/clients.sh test
  clients=(-Dim.clients.required=true)
fi
exec mvn -B -ntp verify "${clients[@]}" "$@"
