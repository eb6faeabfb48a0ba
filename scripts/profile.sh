#!/usr/bin/env bash
# CPU profiles of the running platform under load (docs/benchmarks.md, "Where the CPU goes"): attaches
# async-profiler (from Maven Central, tools.profiler:async-profiler) to every service JVM, the Kafka broker
# and the load generator for the given seconds, then writes per process a flame graph (HTML) and the
# collapsed stacks, and prints the share of each stage (scripts/profile-stages.py).
#
#   scripts/profile.sh [seconds=20] [out=bench/target/profiles/<time>]
#
# Start it while a benchmark is in its measured phase. Sampling is by CPU time with the process's
# CPU timer (itimer), every 10 ms of CPU: about 1 % overhead. IM_PROFILE_EVENT=cpu uses perf events
# instead; on some virtual machines they attach but deliver almost no samples (99 in 25 s of a busy
# connector, 2026-12-07), so itimer is the default.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SECONDS_TO_PROFILE="${1:-20}"
OUT="${2:-bench/target/profiles/$(date +%Y%m%d-%H%M%S)}"
VERSION=4.2
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
AGENT_JAR="$M2/tools/profiler/async-profiler/$VERSION/async-profiler-$VERSION.jar"
CONVERTER="$M2/tools/profiler/jfr-converter/$VERSION/jfr-converter-$VERSION.jar"
LIB_DIR=".data/profiler/$VERSION"
LIB="$(pwd)/$LIB_DIR/linux-x64/libasyncProfiler.so"

if [ ! -f "$AGENT_JAR" ] || [ ! -f "$CONVERTER" ]; then
  mvn -B -q dependency:get -Dartifact="tools.profiler:async-profiler:$VERSION" -Dtransitive=false
  mvn -B -q dependency:get -Dartifact="tools.profiler:jfr-converter:$VERSION" -Dtransitive=false
fi
if [ ! -f "$LIB" ]; then
  mkdir -p "$LIB_DIR"
  (cd "$LIB_DIR" && unzip -o -q "$AGENT_JAR" linux-x64/libasyncProfiler.so)
fi
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

# name=pattern of its command line
TARGETS=(
  gateway=gateway-0.1.0-SNAPSHOT-exec.jar
  connector-service=connector-service-0.1.0-SNAPSHOT-exec.jar
  message-service=message-service-0.1.0-SNAPSHOT-exec.jar
  friend-service=friend-service-0.1.0-SNAPSHOT-exec.jar
  kafka=kafka.Kafka
  load-generator=bench-0.1.0-SNAPSHOT-exec.jar
)
declare -A PID_OF
for target in "${TARGETS[@]}"; do
  name="${target%%=*}"
  pid=$(pgrep -f -- "^[^ ]*java .*${target#*=}" | head -1 || true)
  [ -n "$pid" ] || { echo "[profile] $name is not running; skipped"; continue; }
  PID_OF[$name]=$pid
  # the agent's options in quotes: jcmd would take "event=cpu" for an option of its own
  jcmd "$pid" JVMTI.agent_load "$LIB" "\"start,event=${IM_PROFILE_EVENT:-itimer},interval=10ms,file=$OUT/$name.jfr\"" > /dev/null
done
echo "[profile] sampling ${!PID_OF[*]} for $SECONDS_TO_PROFILE s ..."
sleep "$SECONDS_TO_PROFILE"
for name in "${!PID_OF[@]}"; do
  jcmd "${PID_OF[$name]}" JVMTI.agent_load "$LIB" "\"stop,file=$OUT/$name.jfr\"" > /dev/null || true
done
for name in "${!PID_OF[@]}"; do
  [ -s "$OUT/$name.jfr" ] || { echo "[profile] no profile from $name"; continue; }
  java -jar "$CONVERTER" --cpu --title "$name, CPU, $SECONDS_TO_PROFILE s under load" "$OUT/$name.jfr" "$OUT/$name.html"
  java -jar "$CONVERTER" --cpu -o collapsed "$OUT/$name.jfr" "$OUT/$name.collapsed" && gzip -f "$OUT/$name.collapsed"
done
python3 scripts/profile-stages.py "$OUT"
echo "[profile] flame graphs: $OUT/*.html"
