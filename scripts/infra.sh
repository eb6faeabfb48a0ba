#!/usr/bin/env bash
# Local dev infrastructure for ChatForge IM without Docker: MariaDB, Redis, a single-node
# KRaft Kafka broker and an S3-compatible object store (s3proxy, filesystem backend), all on
# 127.0.0.1.
#
#   scripts/infra.sh up       install (apt / Maven Central) what is missing, start what is not
#                             running, wait until everything answers, print the client env
#   scripts/infra.sh down     stop only what this script started (Kafka, s3; Redis/MariaDB only
#                             if infra.sh started them, see the pid files in the data dir);
#                             `down kafka` (or redis, mariadb, s3) stops just those parts
#   scripts/infra.sh status   one line per part; exit 0 only if all four answer
#   scripts/infra.sh env      print `export IM_...=...` lines: eval "$(scripts/infra.sh env)"
#
# Settings (environment): IM_DB_PORT=3306 IM_DB_USER=im IM_DB_PASSWORD=im IM_REDIS_PORT=6379
#   IM_KAFKA_PORT=9092 IM_KAFKA_CONTROLLER_PORT=9093 IM_KAFKA_HEAP=768m
#   IM_S3_PORT=9000 IM_S3_ACCESS_KEY=im-local IM_S3_SECRET_KEY=im-local-secret-key (local only)
#   IM_DATA_DIR=<repo root>/.data   (Kafka jars, log dirs and cluster id, Redis dir, logs)
#
# Idempotent: every part is probed first and reused when it already answers.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
readonly SCRIPT_DIR REPO_ROOT

readonly HOST=127.0.0.1
readonly DB_PORT="${IM_DB_PORT:-3306}"
readonly DB_USER="${IM_DB_USER:-im}"
readonly DB_PASSWORD="${IM_DB_PASSWORD:-im}"
readonly REDIS_PORT="${IM_REDIS_PORT:-6379}"
readonly KAFKA_PORT="${IM_KAFKA_PORT:-9092}"
readonly KAFKA_CONTROLLER_PORT="${IM_KAFKA_CONTROLLER_PORT:-9093}"
readonly KAFKA_HEAP="${IM_KAFKA_HEAP:-768m}"
readonly DATA_DIR="${IM_DATA_DIR:-$REPO_ROOT/.data}"

readonly MARIADB_DIR="$DATA_DIR/mariadb"
readonly MARIADB_PID="$MARIADB_DIR/mariadbd.pid"   # exists only if infra.sh started mariadbd
readonly MARIADB_OUT="$MARIADB_DIR/mariadbd.out"
readonly REDIS_DIR="$DATA_DIR/redis"
readonly REDIS_PID="$REDIS_DIR/redis.pid"          # exists only if infra.sh started redis
readonly REDIS_LOG="$REDIS_DIR/redis.log"
readonly KAFKA_POM="$SCRIPT_DIR/kafka/pom.xml"
readonly KAFKA_DIR="$DATA_DIR/kafka"
readonly KAFKA_LIBS="$KAFKA_DIR/libs"
readonly KAFKA_LOG_DIRS="$KAFKA_DIR/data"
readonly KAFKA_PROPS="$KAFKA_DIR/server.properties"
readonly KAFKA_LOG4J="$KAFKA_DIR/log4j2.properties"
readonly KAFKA_TOOLS_LOG4J="$KAFKA_DIR/tools-log4j2.properties"
readonly KAFKA_CLUSTER_ID_FILE="$KAFKA_DIR/cluster.id"
readonly KAFKA_LOG="$KAFKA_DIR/kafka.log"
readonly KAFKA_PID="$KAFKA_DIR/kafka.pid"

readonly S3_PORT="${IM_S3_PORT:-9000}"
# the local object store's credentials: for this machine only, like the dev database password
readonly S3_ACCESS_KEY="${IM_S3_ACCESS_KEY:-im-local}"
readonly S3_SECRET_KEY="${IM_S3_SECRET_KEY:-im-local-secret-key}"
readonly S3_POM="$SCRIPT_DIR/s3proxy/pom.xml"
readonly S3_DIR="$DATA_DIR/s3"
readonly S3_LIBS="$S3_DIR/libs"
readonly S3_BLOBS="$S3_DIR/blobs"
readonly S3_PROPS="$S3_DIR/s3proxy.conf"
readonly S3_LOGBACK="$S3_DIR/logback.xml"
readonly S3_LOG="$S3_DIR/s3proxy.log"
readonly S3_PID="$S3_DIR/s3proxy.pid"

readonly START_DEADLINE_SECS=60

APT_UPDATED=false

# ---------------------------------------------------------------------------------------------
# output helpers
# ---------------------------------------------------------------------------------------------

# progress line, e.g. "[infra] mariadb  up on 127.0.0.1:3306 (already running)"
say() { printf '[infra] %-8s %s\n' "$1" "$2"; }

die() {
    printf '[infra] ERROR: %s\n' "$*" >&2
    exit 1
}

# die, showing the tail of the given log files (the ones that exist) first
die_with_logs() {
    local message="$1" log
    shift
    for log in "$@"; do
        if [[ -s "$log" ]]; then
            printf '[infra] ---- last lines of %s ----\n' "$log" >&2
            tail -n 30 "$log" >&2
        fi
    done
    die "$message"
}

# ---------------------------------------------------------------------------------------------
# generic probes and process helpers (bash /dev/tcp only, no nc/curl needed)
# ---------------------------------------------------------------------------------------------

# true if something accepts TCP connections on HOST:port
# shellcheck disable=SC2016 # $0/$1 are expanded by the inner bash -c
port_open() {
    timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$HOST" "$1" 2>/dev/null
}

# true if a MySQL/MariaDB server answers on the port. With the client installed: mariadb-admin
# ping as the app user (exit 0 even on "access denied", and once the user exists it leaves no
# trace in the server log). Without it: read the greeting the server sends unasked and look for
# the version string / auth plugin name (logs an "Aborted connection" warning per probe).
# shellcheck disable=SC2016 # $0/$1 are expanded by the inner bash -c
mysql_answers() {
    if command -v mariadb-admin >/dev/null 2>&1; then
        MYSQL_PWD="$DB_PASSWORD" timeout 5 mariadb-admin --no-defaults --protocol=TCP -h "$HOST" \
            -P "$1" -u "$DB_USER" --connect-timeout=2 ping >/dev/null 2>&1
    else
        timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1" && dd bs=1024 count=1 status=none <&3' \
            "$HOST" "$1" 2>/dev/null | tr -c '[:print:]' ' ' \
            | grep -qiE 'mariadb|mysql_native_password|caching_sha2_password'
    fi
}

# shellcheck disable=SC2016 # $0/$1 are expanded by the inner bash -c
redis_answers() {
    local reply
    if command -v redis-cli >/dev/null 2>&1; then
        reply="$(timeout 3 redis-cli -h "$HOST" -p "$1" ping 2>/dev/null || true)"
    else
        reply="$(timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1" && printf "PING\r\n" >&3 &&
            dd bs=64 count=1 status=none <&3' "$HOST" "$1" 2>/dev/null || true)"
    fi
    [[ "$reply" == *PONG* ]]
}

# true if a Kafka broker answers on the port: send a raw ApiVersions v0 request
# (size=10, api_key=18, api_version=0, correlation_id="INFR", client_id=null) and expect a
# response with our correlation id and error_code 0. The broker only enables request processing
# once it has caught up with the metadata log and is unfenced, so this means "ready", and it
# takes milliseconds instead of the ~2 s JVM start of kafka-topics.
# shellcheck disable=SC2016 # $0/$1 are expanded by the inner bash -c
kafka_answers() {
    timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1" &&
        printf "\x00\x00\x00\x0a\x00\x12\x00\x00INFR\xff\xff" >&3 &&
        dd bs=64 count=1 status=none <&3' "$HOST" "$1" 2>/dev/null \
        | od -An -v -tx1 | tr -d ' \n' | grep -q '^........494e46520000'
}

# pid from a pid file if that process is alive and its command line contains the pattern
# (guards against stale pid files and pid reuse); prints nothing otherwise
live_pid() {
    local pidfile="$1" pattern="$2" pid
    [[ -s "$pidfile" ]] || return 0
    pid="$(tr -dc '0-9' <"$pidfile")"
    [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 0
    if tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$pattern"; then
        echo "$pid"
    fi
}

# wait until "$@" succeeds; fail after the deadline or as soon as the watched pid dies
# usage: wait_until <name> <port> <deadline secs> <watch pid or ""> <logs, ':'-separated> cmd...
wait_until() {
    local name="$1" port="$2" deadline_secs="$3" watch_pid="$4" logs="$5"
    shift 5
    local -a log_files
    IFS=: read -r -a log_files <<<"$logs"
    local deadline=$((SECONDS + deadline_secs))
    until "$@"; do
        if [[ -n "$watch_pid" ]] && ! kill -0 "$watch_pid" 2>/dev/null; then
            die_with_logs "$name exited during startup (pid $watch_pid), nothing answers on $HOST:$port" \
                "${log_files[@]}"
        fi
        if ((SECONDS >= deadline)); then
            die_with_logs "$name did not answer on $HOST:$port within ${deadline_secs}s" "${log_files[@]}"
        fi
        sleep 0.25
    done
}

# stop a process we started: SIGTERM, wait up to <secs>, then SIGKILL
stop_pid() {
    local name="$1" pid="$2" secs="$3"
    kill -TERM "$pid" 2>/dev/null || return 0
    local deadline=$((SECONDS + secs))
    while kill -0 "$pid" 2>/dev/null; do
        if ((SECONDS >= deadline)); then
            printf '[infra] WARNING: %s (pid %s) still running after %ss, sending SIGKILL\n' \
                "$name" "$pid" "$secs" >&2
            kill -KILL "$pid" 2>/dev/null || true
            sleep 0.5
            break
        fi
        sleep 0.2
    done
}

# ---------------------------------------------------------------------------------------------
# packages
# ---------------------------------------------------------------------------------------------

# apt-get install the given packages (apt-get update once per run, before the first install)
apt_install() {
    [[ "$(id -u)" == 0 ]] || die "need root to apt-get install $*"
    if [[ "$APT_UPDATED" == false ]]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || die "apt-get update failed"
        APT_UPDATED=true
    fi
    say apt "installing $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null \
        || die "apt-get install -y $* failed"
}

# install <package> unless <command or absolute path> exists
ensure_installed() {
    local probe="$1" package="$2"
    if [[ "$probe" == /* ]]; then
        [[ -x "$probe" ]] && return 0
    else
        command -v "$probe" >/dev/null 2>&1 && return 0
    fi
    apt_install "$package"
}

ensure_java() {
    ensure_installed java default-jre-headless
    local major
    major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    [[ "${major%%.*}" -ge 17 ]] 2>/dev/null || die "Kafka 4.x needs Java >= 17, found '${major:-?}' ($(command -v java))"
}

# ---------------------------------------------------------------------------------------------
# MariaDB
# ---------------------------------------------------------------------------------------------

# value of the last --option=value mariadbd reads from the system config files
mariadb_config_value() {
    my_print_defaults client-server mysqld server mariadb mariadbd 2>/dev/null | sed -n "s/^--$1=//p" | tail -n 1
}

mariadb_start() {
    ensure_installed /usr/sbin/mariadbd mariadb-server
    mkdir -p "$MARIADB_DIR"
    local datadir socket
    datadir="$(mariadb_config_value datadir)"
    datadir="${datadir:-/var/lib/mysql}"
    socket="$(mariadb_config_value socket)"
    socket="${socket:-/run/mysqld/mysqld.sock}"

    # The Debian package initialises the datadir in its postinst; do it if that did not happen.
    if [[ ! -d "$datadir/mysql" ]]; then
        say mariadb "initialising $datadir (mariadb-install-db)"
        mariadb-install-db --user=mysql --datadir="$datadir" >>"$MARIADB_OUT" 2>&1 \
            || die_with_logs "mariadb-install-db failed" "$MARIADB_OUT"
    fi
    # Without systemd nobody creates the socket/pid directory (normally a tmpfiles.d entry).
    local pid_file run_dir
    pid_file="$(mariadb_config_value pid-file)"
    for run_dir in "$(dirname "$socket")" "$(dirname "${pid_file:-$socket}")"; do
        [[ -d "$run_dir" ]] || install -d -o mysql -g mysql -m 0755 "$run_dir"
    done

    # mariadbd refuses to run as root: --user=mysql makes it drop privileges (harmless if the
    # config already says so). Port/bind are given explicitly so IM_DB_PORT is honoured.
    local -a args=(--user=mysql --port="$DB_PORT" --bind-address="$HOST")
    # Only override the charset if the system config does not already default to utf8mb4.
    if [[ "$(mariadb_config_value character-set-server)" != utf8mb4 ]]; then
        args+=(--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci)
    fi
    rm -f "$MARIADB_PID"
    # --make-pidfile: the pid file doubles as the "started by infra.sh" marker for `down`
    # (mariadbd does not fork, so the recorded pid is the server's).
    start-stop-daemon --start --oknodo --background --make-pidfile --pidfile "$MARIADB_PID" \
        --output "$MARIADB_OUT" --exec /usr/sbin/mariadbd -- "${args[@]}" 9>&-

    local error_log
    error_log="$(mariadb_config_value log-error)"
    wait_until mariadb "$DB_PORT" "$START_DEADLINE_SECS" "$(live_pid "$MARIADB_PID" mariadbd)" \
        "$MARIADB_OUT:${error_log:-$datadir/$(hostname).err}" mysql_answers "$DB_PORT"
}

# run SQL as the dev application user over TCP
mariadb_as_app_user() {
    MYSQL_PWD="$DB_PASSWORD" mariadb --no-defaults --protocol=TCP -h "$HOST" -P "$DB_PORT" \
        -u "$DB_USER" --batch --skip-column-names -e "$1"
}

# run SQL as an administrative root connection: the unix socket first (unix_socket auth works
# for OS root on a fresh Debian install), if it leads to the server on our port; else TCP root
# with an empty password.
mariadb_as_root() {
    local sql="$1"
    if [[ "$(mariadb -uroot --batch --skip-column-names -e 'SELECT @@port' 2>/dev/null)" == "$DB_PORT" ]]; then
        mariadb -uroot --batch --skip-column-names -e "$sql"
    elif MYSQL_PWD='' mariadb --no-defaults --protocol=TCP -h "$HOST" -P "$DB_PORT" -uroot \
        -e 'SELECT 1' >/dev/null 2>&1; then
        MYSQL_PWD='' mariadb --no-defaults --protocol=TCP -h "$HOST" -P "$DB_PORT" -uroot \
            --batch --skip-column-names -e "$sql"
    else
        die "cannot log in to MariaDB on $HOST:$DB_PORT as root (neither unix socket nor TCP with" \
            "an empty password) to create user '$DB_USER'; create it yourself:" \
            "$(mariadb_app_user_sql)"
    fi
}

# SQL string literal ('' and \\ escaped)
sql_quote() {
    local s="${1//\\/\\\\}"
    printf "'%s'" "${s//\'/\'\'}"
}

# app user at 'localhost' (socket) and '127.0.0.1' (TCP; the server may run with
# skip-name-resolve), full rights on the im_* databases the services create themselves.
mariadb_app_user_sql() {
    local user password host sql=''
    user="$(sql_quote "$DB_USER")"
    password="$(sql_quote "$DB_PASSWORD")"
    for host in "'localhost'" "'127.0.0.1'"; do
        sql+="CREATE USER IF NOT EXISTS $user@$host IDENTIFIED BY $password; "
        sql+="ALTER USER $user@$host IDENTIFIED BY $password; "
        sql+="GRANT ALL PRIVILEGES ON \`im\\_%\`.* TO $user@$host; "
    done
    printf '%s' "$sql"
}

mariadb_app_user_works() {
    mariadb_as_app_user 'CREATE DATABASE IF NOT EXISTS im_infra_check; DROP DATABASE im_infra_check;' \
        >/dev/null 2>&1
}

mariadb_up() {
    local how
    if mysql_answers "$DB_PORT"; then
        how="already running"
    elif port_open "$DB_PORT"; then
        die "port $DB_PORT is in use by something that is not MySQL/MariaDB (set IM_DB_PORT to use another port)"
    else
        mariadb_start
        how="started, pid $(live_pid "$MARIADB_PID" mariadbd)"
    fi

    ensure_installed mariadb mariadb-client
    if ! mariadb_app_user_works; then
        mariadb_as_root "$(mariadb_app_user_sql)" >/dev/null
        mariadb_app_user_works || die "user '$DB_USER' still cannot create im_* databases on $HOST:$DB_PORT"
        how+=", user '$DB_USER' created"
    fi

    # The apps set utf8mb4 per connection anyway; only warn about an odd server default.
    local charset
    charset="$(mariadb_as_app_user 'SELECT @@character_set_server')"
    if [[ "$charset" != utf8mb4 ]]; then
        printf '[infra] WARNING: MariaDB character_set_server is %s, not utf8mb4 (apps set utf8mb4 per connection)\n' \
            "$charset" >&2
    fi
    say mariadb "up on $HOST:$DB_PORT ($how)"
}

mariadb_down() {
    local pid
    pid="$(live_pid "$MARIADB_PID" mariadbd)"
    if [[ -n "$pid" ]]; then
        stop_pid mariadb "$pid" 120   # InnoDB shutdown can take a while
        rm -f "$MARIADB_PID"
        say mariadb "stopped (pid $pid)"
    else
        rm -f "$MARIADB_PID"
        if mysql_answers "$DB_PORT"; then
            say mariadb "left running on $HOST:$DB_PORT (not started by infra.sh)"
        else
            say mariadb "not running"
        fi
    fi
}

# ---------------------------------------------------------------------------------------------
# Redis
# ---------------------------------------------------------------------------------------------

redis_start() {
    ensure_installed redis-server redis-server
    mkdir -p "$REDIS_DIR"
    rm -f "$REDIS_PID"
    # No config file on purpose: a throwaway dev cache without persistence. redis-server writes
    # the pid file itself after daemonizing; it is the "started by infra.sh" marker.
    redis-server --daemonize yes --bind "$HOST" --port "$REDIS_PORT" --save "" --appendonly no \
        --dir "$REDIS_DIR" --logfile "$REDIS_LOG" --pidfile "$REDIS_PID" 9>&- \
        || die_with_logs "redis-server failed to start" "$REDIS_LOG"
    wait_until redis "$REDIS_PORT" "$START_DEADLINE_SECS" "" "$REDIS_LOG" redis_answers "$REDIS_PORT"
}

redis_up() {
    local how
    if redis_answers "$REDIS_PORT"; then
        how="already running"
    elif port_open "$REDIS_PORT"; then
        die "port $REDIS_PORT is in use by something that is not Redis (set IM_REDIS_PORT to use another port)"
    else
        redis_start
        how="started, pid $(live_pid "$REDIS_PID" redis-server)"
    fi
    say redis "up on $HOST:$REDIS_PORT ($how)"
}

redis_down() {
    local pid
    pid="$(live_pid "$REDIS_PID" redis-server)"
    if [[ -n "$pid" ]]; then
        stop_pid redis "$pid" 30
        rm -f "$REDIS_PID"
        say redis "stopped (pid $pid)"
    else
        rm -f "$REDIS_PID"
        if redis_answers "$REDIS_PORT"; then
            say redis "left running on $HOST:$REDIS_PORT (not started by infra.sh)"
        else
            say redis "not running"
        fi
    fi
}

# ---------------------------------------------------------------------------------------------
# Kafka (KRaft, single node acting as broker + controller)
# ---------------------------------------------------------------------------------------------

# java with the copied Kafka jars on the class path
kafka_java() {
    java -cp "$KAFKA_LIBS/*" "$@"
}

# Kafka CLI tool quietly (WARN to stderr); usage: kafka_tool <main class> args...
kafka_tool() {
    java -Xms32m -Xmx256m -XX:TieredStopAtLevel=1 -Dlog4j2.configurationFile="$KAFKA_TOOLS_LOG4J" \
        -cp "$KAFKA_LIBS/*" "$@"
}

# copy the jars a helper pom names from Maven Central (via ~/.m2) when missing or the pom changed;
# a new directory is filled and swapped in, so no stale jars of an older version stay on the class path
# usage: ensure_libs <part> <pom> <libs dir> <jar that must be there (glob)> <mvn log>
ensure_libs() {
    local part="$1" pom="$2" libs="$3" jar="$4" log="$5" wanted
    wanted="$(sha256sum "$pom" | cut -d' ' -f1)"
    if [[ -f "$libs/.pom.sha256" && "$(cat "$libs/.pom.sha256")" == "$wanted" ]]; then
        return 0
    fi
    ensure_installed mvn maven
    say "$part" "fetching jars with Maven ($pom)"
    local tmp="$libs.tmp"
    rm -rf "$tmp"
    mvn -B -q -f "$pom" dependency:copy-dependencies -DoutputDirectory="$tmp" >"$log" 2>&1 \
        || die_with_logs "mvn dependency:copy-dependencies failed for $pom" "$log"
    [[ -n "$(compgen -G "$tmp/$jar")" ]] || die "no $jar in $tmp after mvn"
    echo "$wanted" >"$tmp/.pom.sha256"
    rm -rf "$libs"
    mv "$tmp" "$libs"
}

kafka_ensure_libs() {
    ensure_libs kafka "$KAFKA_POM" "$KAFKA_LIBS" "kafka_2.13-*.jar" "$KAFKA_DIR/mvn.log"
}

kafka_write_config() {
    mkdir -p "$KAFKA_LOG_DIRS"
    cat >"$KAFKA_PROPS" <<EOF
# Generated by scripts/infra.sh on every Kafka start; edit the script, not this file.
node.id=1
process.roles=broker,controller
listeners=PLAINTEXT://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
controller.quorum.voters=1@$HOST:$KAFKA_CONTROLLER_PORT
log.dirs=$KAFKA_LOG_DIRS

# single node: every internal topic has one replica
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
default.replication.factor=1
min.insync.replicas=1

# dev conveniences
group.initial.rebalance.delay.ms=0
num.partitions=8
auto.create.topics.enable=true
delete.topic.enable=true
log.retention.hours=24
log.retention.bytes=1073741824
log.segment.bytes=104857600
log.retention.check.interval.ms=300000
EOF
    # Kafka logs via slf4j -> log4j2 (log4j-slf4j2-impl from the pom); INFO to stdout, which
    # nohup sends to kafka.log (so JVM crash output lands in the same file).
    cat >"$KAFKA_LOG4J" <<'EOF'
status = warn
appender.stdout.type = Console
appender.stdout.name = STDOUT
appender.stdout.layout.type = PatternLayout
appender.stdout.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.stdout.ref = STDOUT
logger.request.name = kafka.request.logger
logger.request.level = warn
logger.authorizer.name = kafka.authorizer.logger
logger.authorizer.level = warn
logger.statechange.name = state.change.logger
logger.statechange.level = warn
EOF
    cat >"$KAFKA_TOOLS_LOG4J" <<'EOF'
status = warn
appender.stderr.type = Console
appender.stderr.name = STDERR
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = STDERR
EOF
}

# format the log dirs once; the cluster id is generated once and kept in cluster.id
kafka_format_storage() {
    if [[ -f "$KAFKA_LOG_DIRS/meta.properties" ]]; then
        # keep cluster.id in sync with what the log dirs were formatted with
        if [[ ! -s "$KAFKA_CLUSTER_ID_FILE" ]]; then
            sed -n 's/^cluster\.id=//p' "$KAFKA_LOG_DIRS/meta.properties" >"$KAFKA_CLUSTER_ID_FILE"
        fi
        return 0
    fi
    if [[ ! -s "$KAFKA_CLUSTER_ID_FILE" ]]; then
        kafka_tool kafka.tools.StorageTool random-uuid >"$KAFKA_CLUSTER_ID_FILE.tmp"
        mv "$KAFKA_CLUSTER_ID_FILE.tmp" "$KAFKA_CLUSTER_ID_FILE"
    fi
    local cluster_id
    cluster_id="$(tr -d '[:space:]' <"$KAFKA_CLUSTER_ID_FILE")"
    say kafka "formatting $KAFKA_LOG_DIRS (cluster id $cluster_id)"
    kafka_tool kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_PROPS" >>"$KAFKA_LOG" 2>&1 \
        || die_with_logs "kafka storage format failed" "$KAFKA_LOG"
}

kafka_start() {
    ensure_java
    kafka_ensure_libs
    # keep one previous log for post-mortems
    if [[ -f "$KAFKA_LOG" ]]; then mv -f "$KAFKA_LOG" "$KAFKA_LOG.1"; fi
    kafka_write_config
    kafka_format_storage

    # setsid + nohup: the broker must outlive this shell and its process group. setsid does not
    # fork here (a background job is no process group leader), so $! is the broker's pid.
    setsid nohup java -Xms256m -Xmx"$KAFKA_HEAP" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
        -Djava.awt.headless=true -Dlog4j2.configurationFile="$KAFKA_LOG4J" \
        -Dkafka.logs.dir="$KAFKA_DIR" -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_PROPS" \
        >>"$KAFKA_LOG" 2>&1 </dev/null 9>&- &
    echo $! >"$KAFKA_PID"
    wait_until kafka "$KAFKA_PORT" "$START_DEADLINE_SECS" "$(cat "$KAFKA_PID")" "$KAFKA_LOG" \
        kafka_answers "$KAFKA_PORT"
}

kafka_up() {
    local how pid
    pid="$(live_pid "$KAFKA_PID" kafka.Kafka)"
    if kafka_answers "$KAFKA_PORT"; then
        how="already running${pid:+, pid $pid}"
        [[ -n "$pid" ]] || how+=", not started by infra.sh"
    elif [[ -n "$pid" ]]; then
        # our broker is alive but does not answer here: either it was started with other ports
        # (server.properties is rewritten on every start) or it is still starting up
        grep -q "^listeners=PLAINTEXT://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT\$" \
            "$KAFKA_PROPS" 2>/dev/null \
            || die "the Kafka broker started by infra.sh (pid $pid) uses other ports than" \
                "$KAFKA_PORT/$KAFKA_CONTROLLER_PORT (see $KAFKA_PROPS); run '$0 down' first"
        # still starting up (or hanging): wait for it instead of starting a second one
        wait_until kafka "$KAFKA_PORT" "$START_DEADLINE_SECS" "$pid" "$KAFKA_LOG" kafka_answers "$KAFKA_PORT"
        how="already starting, pid $pid"
    else
        local port
        for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
            if port_open "$port"; then
                die "port $port is in use by something that is not this Kafka broker" \
                    "(set IM_KAFKA_PORT / IM_KAFKA_CONTROLLER_PORT to use other ports)"
            fi
        done
        mkdir -p "$KAFKA_DIR"
        kafka_start
        how="started, pid $(cat "$KAFKA_PID"), cluster id $(tr -d '[:space:]' <"$KAFKA_CLUSTER_ID_FILE")"
    fi
    say kafka "up on $HOST:$KAFKA_PORT ($how)"
}

kafka_down() {
    local pid
    pid="$(live_pid "$KAFKA_PID" kafka.Kafka)"
    if [[ -n "$pid" ]]; then
        stop_pid kafka "$pid" 60   # controlled shutdown flushes logs; usually a few seconds
        rm -f "$KAFKA_PID"
        say kafka "stopped (pid $pid)"
    else
        rm -f "$KAFKA_PID"
        if kafka_answers "$KAFKA_PORT"; then
            say kafka "left running on $HOST:$KAFKA_PORT (not started by infra.sh)"
        else
            say kafka "not running"
        fi
    fi
}

# ---------------------------------------------------------------------------------------------
# S3-compatible object store (s3proxy from Maven Central, blobs as files under the data dir)
# ---------------------------------------------------------------------------------------------

# any HTTP answer from the S3 port (an anonymous request gets 403 AccessDenied: it is up)
s3_answers() {
    curl -s -o /dev/null -m 2 -w '%{http_code}' "http://$HOST:$1/" 2>/dev/null | grep -q '^[1-5]'
}

s3_ensure_libs() {
    ensure_libs s3 "$S3_POM" "$S3_LIBS" "s3proxy-*.jar" "$S3_DIR/mvn.log"
}

s3_write_config() {
    mkdir -p "$S3_BLOBS"
    cat >"$S3_PROPS" <<EOF
# written by scripts/infra.sh on every start
s3proxy.endpoint=http://$HOST:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_ACCESS_KEY
s3proxy.credential=$S3_SECRET_KEY
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$S3_BLOBS
EOF
    cat >"$S3_LOGBACK" <<'EOF'
<configuration>
  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{ISO8601} %-5level %logger{24} - %msg%n</pattern></encoder>
  </appender>
  <root level="WARN"><appender-ref ref="out"/></root>
</configuration>
EOF
}

s3_start() {
    ensure_java
    s3_ensure_libs
    if [[ -f "$S3_LOG" ]]; then mv -f "$S3_LOG" "$S3_LOG.1"; fi
    s3_write_config
    setsid nohup java -Xms64m -Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
        -Dlogback.configurationFile="$S3_LOGBACK" -cp "$S3_LIBS/*" org.gaul.s3proxy.Main \
        --properties "$S3_PROPS" >>"$S3_LOG" 2>&1 </dev/null 9>&- &
    echo $! >"$S3_PID"
    wait_until s3 "$S3_PORT" "$START_DEADLINE_SECS" "$(cat "$S3_PID")" "$S3_LOG" s3_answers "$S3_PORT"
}

s3_up() {
    local how pid
    pid="$(live_pid "$S3_PID" org.gaul.s3proxy.Main)"
    if s3_answers "$S3_PORT"; then
        how="already running${pid:+, pid $pid}"
        [[ -n "$pid" ]] || how+=", not started by infra.sh"
    else
        if [[ -n "$pid" ]]; then
            stop_pid s3 "$pid" 10
        fi
        port_open "$S3_PORT" && die "port $S3_PORT is in use by something that does not answer HTTP (set IM_S3_PORT)"
        mkdir -p "$S3_DIR"
        s3_start
        how="started, pid $(cat "$S3_PID")"
    fi
    say s3 "up on $HOST:$S3_PORT ($how)"
}

s3_down() {
    local pid
    pid="$(live_pid "$S3_PID" org.gaul.s3proxy.Main)"
    if [[ -n "$pid" ]]; then
        stop_pid s3 "$pid" 10
        rm -f "$S3_PID"
        say s3 "stopped (pid $pid)"
    else
        rm -f "$S3_PID"
        say s3 "not running (or not started by infra.sh)"
    fi
}

# ---------------------------------------------------------------------------------------------
# commands
# ---------------------------------------------------------------------------------------------

print_env() {
    local prefix="$1"
    printf '%sIM_DB_HOST=%q\n' "$prefix" "$HOST"
    printf '%sIM_DB_PORT=%q\n' "$prefix" "$DB_PORT"
    printf '%sIM_DB_USER=%q\n' "$prefix" "$DB_USER"
    printf '%sIM_DB_PASSWORD=%q\n' "$prefix" "$DB_PASSWORD"
    printf '%sIM_REDIS_HOST=%q\n' "$prefix" "$HOST"
    printf '%sIM_REDIS_PORT=%q\n' "$prefix" "$REDIS_PORT"
    printf '%sIM_KAFKA_BOOTSTRAP=%q\n' "$prefix" "$HOST:$KAFKA_PORT"
    printf '%sIM_S3_ENDPOINT=%q\n' "$prefix" "http://$HOST:$S3_PORT"
    printf '%sIM_S3_ACCESS_KEY=%q\n' "$prefix" "$S3_ACCESS_KEY"
    printf '%sIM_S3_SECRET_KEY=%q\n' "$prefix" "$S3_SECRET_KEY"
}

# serialise concurrent up/down runs (two parallel `up`s would otherwise race to start Kafka).
# The servers are started with fd 9 closed, else they would hold the lock forever.
take_lock() {
    mkdir -p "$DATA_DIR"
    exec 9>"$DATA_DIR/.infra.lock"
    flock 9
}

cmd_up() {
    take_lock
    mariadb_up
    redis_up
    kafka_up
    s3_up
    echo "[infra] client environment (or: eval \"\$(scripts/infra.sh env)\"):"
    print_env '' | paste -sd ' '
}

# stops the parts named (default: all three), each only if infra.sh started it
cmd_down() {
    take_lock
    local parts=("$@")
    [[ ${#parts[@]} -gt 0 ]] || parts=(s3 kafka redis mariadb)
    for part in "${parts[@]}"; do
        case "$part" in
            kafka) kafka_down ;;
            s3) s3_down ;;
            redis) redis_down ;;
            mariadb) mariadb_down ;;
            *) usage ;;
        esac
    done
}

# "started by infra.sh, pid N" or "not started by infra.sh"
owner_note() {
    if [[ -n "$1" ]]; then echo "started by infra.sh, pid $1"; else echo "not started by infra.sh"; fi
}

# one line per part; exit code 0 only if all four answer
cmd_status() {
    local failed=0
    if mysql_answers "$DB_PORT"; then
        say mariadb "up on $HOST:$DB_PORT ($(owner_note "$(live_pid "$MARIADB_PID" mariadbd)"))"
    else
        say mariadb "DOWN on $HOST:$DB_PORT"
        failed=1
    fi
    if redis_answers "$REDIS_PORT"; then
        say redis "up on $HOST:$REDIS_PORT ($(owner_note "$(live_pid "$REDIS_PID" redis-server)"))"
    else
        say redis "DOWN on $HOST:$REDIS_PORT"
        failed=1
    fi
    if kafka_answers "$KAFKA_PORT"; then
        say kafka "up on $HOST:$KAFKA_PORT ($(owner_note "$(live_pid "$KAFKA_PID" kafka.Kafka)"))"
    else
        say kafka "DOWN on $HOST:$KAFKA_PORT"
        failed=1
    fi
    if s3_answers "$S3_PORT"; then
        say s3 "up on $HOST:$S3_PORT ($(owner_note "$(live_pid "$S3_PID" org.gaul.s3proxy.Main)"))"
    else
        say s3 "DOWN on $HOST:$S3_PORT"
        failed=1
    fi
    return "$failed"
}

usage() {
    echo "usage: $0 {up|down [kafka|redis|mariadb|s3 ...]|status|env}" >&2
    exit 2
}

main() {
    [[ $# -ge 1 ]] || usage
    case "$1" in
        up) cmd_up ;;
        down) shift; cmd_down "$@" ;;
        status) cmd_status ;;
        env) print_env 'export ' ;;
        *) usage ;;
    esac
}

main "$@"
