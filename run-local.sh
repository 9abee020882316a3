#!/usr/bin/env bash
# Starts the whole system locally: the embedded MongoDB-compatible server (data under INVITATIONS_DATA_DIR),
# the command side and the query side. Builds what is missing or out of date first. Ctrl-C or SIGTERM stops all.
#
#   COMMAND_PORT (8080)  QUERY_PORT (8081)  MONGO_PORT (27017)  INVITATIONS_DATA_DIR (./data)
#   LOG_DIR (./logs)  each process's output, one file each: embedded-mongo.log, command-side.log, query-side.log
#     (and <side>-aot-training.log, each AOT cache's training run)
#   SPRING_DATA_MONGODB_URI  use that MongoDB instead of starting the embedded server
#   SPRING_PROFILES_ACTIVE (local)  the profile with built-in secrets; see docs/security.md
#   JAVA_OPTS  the sides' JVM options (C1 only, -Xms32m -Xmx256m)   MONGO_JAVA_OPTS  the embedded server's (C1 only, -Xmx1536m)
#   JAVA25_HOME  a Java 25 or later for the sides (else /usr/lib/jvm/temurin-25*, else `java` if it is 25 or later);
#     with one, each side runs from its jar extracted into <side>/target/extracted with an AOT cache trained there
#     once per build (rm -rf <side>/target/extracted drops both). Without one, the sides run on `java` as they are
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
# 256 MB of heap at most: the benchmark's load ran as fast as with 512 and each side's resident memory was about 30 MB
# smaller; most of it is not heap (classes, compiled code, threads). 128 MB was too little: filling one org with
# 100,000 invitations kept the command side in full collections (docs/benchmarks.md). It starts at 32 MB and grows
# as the load needs: started at its maximum (on a machine with much memory), a side stayed at about 300 MB resident
# after a light load where it now stays at about 230. Out of memory, a side exits (and this script stops the
# others) rather than run on with a processor or a request thread gone
JAVA_OPTS="${JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms32m -Xmx256m -XX:+ExitOnOutOfMemoryError -Ddisable-axoniq-console-message=true}"
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
  for _ in $(seq 1 1200); do
    kill -0 "$pid" 2>/dev/null || { exited "$what" "$log"; exit 1; }
    if [[ "$target" == http* ]]; then
      curl -fs -o /dev/null "$target" && return 0
    elif (exec 3<>"/dev/tcp/127.0.0.1/$target") 2>/dev/null; then
      return 0
    fi
    sleep 0.1
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

# The sides run on Java 25 or later when there is one, for its AOT cache (JEP 483, 514, 515): the classes a side's
# startup loads and links, and its methods' profiles, read from a file instead of found, parsed and verified again
# each start. On two cores a side was ready in about half the time and CPU (docs/operations.md#startup). The build
# stays on Java 17
java25() { # prints the first Java 25 or later of JAVA25_HOME, /usr/lib/jvm/temurin-25*, `java`
  local candidate major
  for candidate in ${JAVA25_HOME:+"$JAVA25_HOME/bin/java"} /usr/lib/jvm/temurin-25*/bin/java java; do
    major="$("$candidate" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -1)"
    if [[ "${major:-0}" -ge 25 ]]; then
      echo "$candidate"
      return
    fi
  done
  return 0
}
side_java="$(java25)"

# prepare side: with Java 25, extracts the side's jar into <side>/target/extracted (the AOT cache cannot hold classes
# from the jars nested in a Spring Boot jar), again whenever the jar is newer, and trains its AOT cache
# <side>/target/extracted/<side>.aot when it is missing or was trained for another java or JAVA_OPTS (a re-extract
# deletes it too). The training run starts the side only up to its context's refresh (spring.context.exit=onRefresh:
# no web server, no event processor, no scheduled task) against the scratch database invitations-aot-training, so
# all it leaves is that database's indexes. A failure is said on stderr; the side then starts without the cache
prepare() {
  local side="$1" jar="$1/target/$1.jar" dir="$1/target/extracted"
  local cache="$dir/$1.aot" log="$LOG_DIR/$1-aot-training.log"
  if [[ ! -f "$dir/extracted" || "$jar" -nt "$dir/extracted" ]]; then
    rm -rf "$dir"
    if ! "$side_java" -Djarmode=tools -jar "$jar" extract --destination "$dir" > /dev/null; then
      echo "$side: extracting $jar failed; it starts from the jar, without an AOT cache" >&2
      rm -rf "$dir"
      return 0
    fi
    touch "$dir/extracted"
  fi
  [[ -f "$cache" && "$(cat "$cache-trained-for" 2>/dev/null)" == "$side_java $JAVA_OPTS" ]] && return 0
  rm -f "$cache" "$cache-trained-for"
  if env SERVER_PORT=0 SPRING_DATA_MONGODB_DATABASE=invitations-aot-training "$side_java" $JAVA_OPTS \
      -XX:AOTCacheOutput="$cache" -Dspring.context.exit=onRefresh -jar "$dir/$side.jar" > "$log" 2>&1 \
      && [[ -f "$cache" ]]; then
    echo "$side_java $JAVA_OPTS" > "$cache-trained-for"
  else
    rm -f "$cache"
    echo "$side: training its AOT cache failed, it starts without one; the end of $log:" >&2
    tail -n 10 "$log" >&2
  fi
}

# side_command side: sets side_cmd to the command line that runs that side: with the AOT cache prepared above, else
# as far as it got (the extracted jar, or the jar), else on `java` as built
side_command() {
  local side="$1" dir="$1/target/extracted"
  if [[ -z "$side_java" ]]; then
    side_cmd=(java $JAVA_OPTS -jar "$side/target/$side.jar")
  elif [[ ! -f "$dir/extracted" ]]; then
    side_cmd=("$side_java" $JAVA_OPTS -jar "$side/target/$side.jar")
  elif [[ -f "$dir/$side.aot-trained-for" ]]; then
    side_cmd=("$side_java" $JAVA_OPTS -XX:AOTCache="$dir/$side.aot" -jar "$dir/$side.jar")
  else
    side_cmd=("$side_java" $JAVA_OPTS -jar "$dir/$side.jar")
  fi
}

if [[ -n "$side_java" ]]; then
  # both at once: a training takes 10 to 25 s, most of it writing the cache at its JVM's exit
  echo "The sides run on $side_java with an AOT cache each (trained first when missing or out of date)..."
  prepare command-side &
  preparing=($!)
  prepare query-side &
  preparing+=($!)
  wait "${preparing[@]}" || true
fi

# both sides start at once
side_command command-side
start command-side env SERVER_PORT="$COMMAND_PORT" "${side_cmd[@]}"
side_command query-side
start query-side env SERVER_PORT="$QUERY_PORT" "${side_cmd[@]}"
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
