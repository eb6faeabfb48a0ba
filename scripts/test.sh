#!/usr/bin/env bash
# Runs all tests: unit tests, then integration tests against a real MySQL-compatible server,
# Redis and Kafka, which scripts/infra.sh brings up first if they are not running.
#   scripts/test.sh                  everything
#   scripts/test.sh -pl auth-service -am   Maven arguments pass through
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/infra.sh up
eval "$(scripts/infra.sh env)"
exec mvn -B -ntp verify "$@"
