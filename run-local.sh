#!/usr/bin/env bash
# Starts the whole system locally: the embedded MongoDB-compatible server (data under INVITATIONS_DATA_DIR),
# the command side and the query side. Builds what is missing or out of date first. Ctrl-C or SIGTERM stops all.
#
#   COMMAND_PORT (8080)  QUERY_PORT (8081)  MONGO_PORT (27017)  INVITATIONS_DATA_DIR (./data)
#   LOG_DIR (./logs)  each process's output, one file each: embedded-mongo.log, command-side.log, query-side.log
#   SPRING_DATA_MONGODB_URI  use that MongoDB instead of starting the embedded server
#   SPRING_PROFILES_ACTIVE (local)  the profile with built-in secrets; see docs/security.md
#   JAVA_OPTS  the sides' JVM options (C1 only, -Xmx256m)   MONGO_JAVA_OPTS  the embedded server's (C1 only, -Xmx1536m)
# Every other variable (SPRING_MAIL_HOST, INVITATIONS_TTL_MINIMUM, ...) reaches both sides unchanged.
set -euo pipefail
cd "$(dirname "$0")"

COMMAND_PORT="${COMMAND_PORT:-8080}"
QUERY_PORT="${QUERY_PORT:-8081}"
MONGO_PORT="${MONGO_PORT:-27017}"
export INVITATIONS_DATA_DIR="${INVITATIONS_DATA_DIR:-./data}"
LOG_DIR="${LOG_DIR:-./logs}"
mkdir -p "$LOG_DIR"
# the 'local' profile: built-in secrets (public, so never for a deployment) and a public Swagger UI
export SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-local}"
# the emailed link points at this run's query side unless told otherwise
export INVITATIONS_ACCEPT_URL_BASE="${INVITATIONS_ACCEPT_URL_BASE:-http://localhost:${QUERY_PORT}/invite}"
# and that page's buttons call this run's command side
export INVITATIONS_COMMAND_URL_BASE="${INVITATIONS_COMMAND_URL_BASE:-http://localhost:${COMMAND_PORT}}"
# webhooks to a receiver on this machine over plain http (never in production: docs/security.md)
export INVITATIONS_WEBHOOKS_ALLOW_HTTP="${INVITATIONS_WEBHOOKS_ALLOW_HTTP:-true}"
export INVITATIONS_WEBHOOKS_ALLOW_PRIVATE_TARGETS="${INVITATIONS_WEBHOOKS_ALLOW_PRIVATE_TARGETS:-true}"
# C1 only (TieredStopAtLevel=1): on two cores the C2 compiler took a quarter to two thirds of each process's CPU through
# the benchmark's first minutes; without it startup, cold and warm creates were each about twice as fast
# (docs/benchmarks.md). A machine with cores to spare may drop it for C2's higher peak
# 256 MB of heap: the benchmark's load ran as fast as with 512 and each side's resident memory was about 30 MB
# smaller; most of it is not heap (classes, compiled code, threads)
JAVA_OPTS="${JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx256m -Ddisable-axoniq-console-message=true}"
# glibc's malloc keeps an arena per thread that allocates natively, up to eight per core; the JVMs' native memory
# needs no more than two
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# the embedded server keeps every index in memory: 100,000 invitations with their events outgrew 512 MB. Out of
# memory, its store would refuse every write from then on; it exits instead, and this script stops the others
MONGO_JAVA_OPTS="${MONGO_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx1536m -XX:+ExitOnOutOfMemoryError}"

jars=(embedded-mongo/target/embedded-mongo-exec.jar command-side/target/command-side.jar query-side/target/query-side.jar)
needs_build() {
  for jar in "${jars[@]}"; do
    [[ -f "$jar" ]] || return 0
  done
  # any source or pom newer than the oldest jar
  local oldest
  oldest="$(ls -t "${jars[@]}" | tail -1)"
  [[ -n "$(find pom.xml */pom.xml */src/main -newer "$oldest" -type f -print -quit)" ]]
}
if needs_build; then
  echo "Building (first run or changed sources)..."
  ./mvnw -q -B package -DskipTests
fi

pids=()
logs=()
stop_all() {
  trap - INT TERM EXIT
  echo "Stopping..."
  # newest first, each waited for: the sides release their processors' claims and finish their last writes while
  # the server is still up; the server last
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[i]}" 2>/dev/null || true
    wait "${pids[i]}" 2>/dev/null || true
  done
}
trap "stop_all; exit 0" INT TERM
trap stop_all EXIT

# start name command...: runs the command in the background, its output in $LOG_DIR/<name>.log
start() {
  local log="$LOG_DIR/$1.log"
  shift
  "$@" > "$log" 2>&1 &
  pids+=($!)
  logs+=("$log")
}

exited() { # description log
  echo "$1 exited; the end of $2:" >&2
  tail -n 30 "$2" >&2
}

wait_until() { # url-or-port description index-of-the-process
  local target="$1" what="$2" pid="${pids[$3]}" log="${logs[$3]}"
  for _ in $(seq 1 240); do
    kill -0 "$pid" 2>/dev/null || { exited "$what" "$log"; exit 1; }
    if [[ "$target" == http* ]]; then
      curl -fs -o /dev/null "$target" && return 0
    elif (exec 3<>"/dev/tcp/127.0.0.1/$target") 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  echo "$what did not start within 120 s" >&2
  exit 1
}

if [[ -z "${SPRING_DATA_MONGODB_URI:-}" ]]; then
  start embedded-mongo env MONGO_PORT="$MONGO_PORT" java $MONGO_JAVA_OPTS -jar embedded-mongo/target/embedded-mongo-exec.jar
  wait_until "$MONGO_PORT" "The embedded MongoDB-compatible server" $((${#pids[@]} - 1))
  export SPRING_DATA_MONGODB_URI="mongodb://127.0.0.1:${MONGO_PORT}/invitations"
  mongo_line="embedded server  ${SPRING_DATA_MONGODB_URI}  (data in ${INVITATIONS_DATA_DIR})"
else
  mongo_line="MongoDB          ${SPRING_DATA_MONGODB_URI}"
fi

# both sides start at once
start command-side env SERVER_PORT="$COMMAND_PORT" java $JAVA_OPTS -jar command-side/target/command-side.jar
start query-side env SERVER_PORT="$QUERY_PORT" java $JAVA_OPTS -jar query-side/target/query-side.jar
wait_until "http://127.0.0.1:${COMMAND_PORT}/actuator/health/readiness" "The command side" $((${#pids[@]} - 2))
wait_until "http://127.0.0.1:${QUERY_PORT}/actuator/health/readiness" "The query side" $((${#pids[@]} - 1))
cat <<SUMMARY
command side     http://localhost:${COMMAND_PORT}   (writes; API docs: /swagger-ui.html)
query side       http://localhost:${QUERY_PORT}   (reads, the invitee's page /invite; API docs: /swagger-ui.html)
${mongo_line}
emails go to     SMTP ${SPRING_MAIL_HOST:-localhost}:${SPRING_MAIL_PORT:-1025} (run Mailpit there to read them)
a bearer token   ./scripts/mint-jwt.sh alice 'org.user.invite org.user.read' acme
logs             ${logs[*]}
SUMMARY
echo "Ready. Ctrl-C stops everything."
wait -n || true
for i in "${!pids[@]}"; do
  kill -0 "${pids[i]}" 2>/dev/null || exited "A process" "${logs[i]}"
done
echo "Stopping the others." >&2
exit 1
