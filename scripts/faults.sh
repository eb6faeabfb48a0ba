#!/usr/bin/env bash
# The fault suite under load (docs/reliability.md): a test platform (gateway, services, two
# connectors) with steady one-to-one and group traffic from SDK-like devices, while one fault after
# another hits it: kill -9 of a connector, kill -9 and restart of message-service, Redis FLUSHDB,
# Kafka broker restart, MariaDB restart, friend-service frozen for 30 s. Prints, per fault, sent,
# acknowledged, delivered, lost, duplicated and the time to recover; writes the table to
# platform-tests/target/fault-suite.md; exits non-zero when a message was lost or duplicated.
# Restarts the local Kafka broker and MariaDB: run it on a development machine, not beside other work.
#   scripts/faults.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/infra.sh up
eval "$(scripts/infra.sh env)"
mvn -B -q -ntp -DskipTests install
mvn -B -ntp verify -pl platform-tests -Dit.test=FaultSuite -Dsurefire.failIfNoSpecifiedTests=false \
  | grep --line-buffered -E '^\[faults\]|^\||Tests run|FAIL|ERROR' || true
test -f platform-tests/target/fault-suite.md
cat platform-tests/target/fault-suite.md
grep -q "Tests run: 1, Failures: 0, Errors: 0" platform-tests/target/failsafe-reports/*FaultSuite.txt
