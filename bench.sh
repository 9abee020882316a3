#!/usr/bin/env bash
# The benchmark: starts the system as ./run-local.sh does, on a fresh data directory and free ports, drives it
# (system-tests' BenchmarkIT), stops everything it started, and prints a table and, last, one JSON line.
#   BENCH_LIST_SIZES=10000,100000   invitations in one org for the list figures (empty: skip)
#   BENCH_WARM_UP_SECONDS=30        how long the system is driven before anything is measured
set -euo pipefail
cd "$(dirname "$0")"


# install, not package: the benchmark's module takes api-security's test jar from the local repository
./mvnw -q -B install -DskipTests
mkdir -p system-tests/target/bench
data_dir="$(mktemp -d)"
export COMMAND_PORT="$(scripts/free-port.sh)" QUERY_PORT="$(scripts/free-port.sh)" MONGO_PORT="$(scripts/free-port.sh)"
# every create's email really goes out: BenchmarkIT runs the SMTP server (GreenMail) on this port
SMTP_PORT="$(scripts/free-port.sh)"
export SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$SMTP_PORT"
export INVITATIONS_DATA_DIR="$data_dir/measured" LOG_DIR=system-tests/target/bench
# the load comes from one caller and one address: rate limits are not what is measured
export INVITATIONS_RATE_LIMIT_PER_CALLER=1000000000 INVITATIONS_RATE_LIMIT_PER_CLIENT_ADDRESS=1000000000

launcher=""
cleanup() {
  if [[ -n "$launcher" ]]; then
    kill "$launcher" 2>/dev/null || true
    wait "$launcher" 2>/dev/null || true
  fi
  rm -rf "$data_dir"
}
trap cleanup EXIT
# start_system log: runs ./run-local.sh in the background (its pid in $launcher) and returns once it says Ready.
start_system() {
  ./run-local.sh > "$1" 2>&1 &
  launcher=$!
  for _ in $(seq 1 1800); do
    grep -q '^Ready\.' "$1" && return 0
    kill -0 "$launcher" 2>/dev/null || { cat "$1"; exit 1; }
    sleep 0.1
  done
  cat "$1"
  exit 1
}
seconds_since() { # start in ns: seconds with two decimals
  local hundredths="$(( ($(date +%s%N) - $1) / 10000000 ))"
  echo "$((hundredths / 100)).$(printf '%02d' $((hundredths % 100)))"
}

# The first start after a build trains the sides' AOT caches (with a Java 25, see run-local.sh); it is timed, then
# stopped, and the measured system is the next start, on a fresh data directory, as every later start of this build
started_at="$(date +%s%N)"
INVITATIONS_DATA_DIR="$data_dir/first-start" start_system system-tests/target/bench/first-start.log
first_start_seconds="$(seconds_since "$started_at")"
kill "$launcher"
wait "$launcher" 2>/dev/null || true

started_at="$(date +%s%N)"
start_system system-tests/target/bench/system.log
# startup_s: from run-local.sh's start to both sides healthy, everything already built and trained
startup_seconds="$(seconds_since "$started_at")"

./mvnw -q -B verify -pl system-tests -Dit.test=BenchmarkIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbench.command="http://127.0.0.1:$COMMAND_PORT" -Dbench.query="http://127.0.0.1:$QUERY_PORT" \
  -Dbench.mongo="mongodb://127.0.0.1:$MONGO_PORT" -Dbench.smtp-port="$SMTP_PORT" \
  -Dbench.command-pid="$(pgrep -P "$launcher" -f command-side.jar)" \
  -Dbench.query-pid="$(pgrep -P "$launcher" -f query-side.jar)" \
  -Dbench.mongo-pid="$(pgrep -P "$launcher" -f embedded-mongo-exec.jar)" -Dbench.startup-seconds="$startup_seconds" \
  -Dbench.first-start-seconds="$first_start_seconds" \
  -Dbench.list-sizes="${BENCH_LIST_SIZES-10000,100000}" -Dbench.warm-up-seconds="${BENCH_WARM_UP_SECONDS:-30}" \
  > system-tests/target/bench/load.log 2>&1 \
  || { tail -50 system-tests/target/bench/load.log; exit 1; }
echo "Latency chart: system-tests/target/bench/latencies.svg; CPU profiles of the warm create load:" \
  "system-tests/target/bench/profile.txt and *.jfr (machine: $(nproc) cores)"
cat system-tests/target/bench/figures.txt
