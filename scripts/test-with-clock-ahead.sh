#!/usr/bin/env bash
# Runs the modules' fast tests (every module's but the embedded server's and the system tests) with the clock the
# JVM sees moved far ahead, 400 days unless told otherwise: a test that passes only before some date fails here
# today, not on that date. .ci/run runs it after ./mvnw verify.
#   scripts/test-with-clock-ahead.sh [days]
set -euo pipefail
cd "$(dirname "$0")/.."
days="${1:-400}"
scripts/apt-install.sh faketime faketime

# libfaketime moves the wall clock only. The monotonic clock stays real (FAKETIME_DONT_FAKE_MONOTONIC=1) and its
# pthread_cond_timedwait fix stays off (FAKETIME_FORCE_MONOTONIC_FIX=0): with either of them the JVM's timed waits
# return at once or sleep thirty times too long.
export FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_FORCE_MONOTONIC_FIX=0

# first, that a JVM under faketime really sees the moved clock
check="$(mktemp -d)/ClockAhead.java"
cat > "$check" <<'JAVA'
public class ClockAhead {
    public static void main(String[] args) {
        long ahead = java.time.Duration.between(java.time.Instant.ofEpochSecond(Long.parseLong(args[0])),
                java.time.Instant.now()).toDays();
        if (ahead < Long.parseLong(args[1]) - 1) {
            System.err.println("the JVM's clock is " + ahead + " days ahead, not " + args[1]);
            System.exit(1);
        }
    }
}
JAVA
faketime "+${days} days" java "$check" "$(date +%s)" "$days"
rm -rf "$(dirname "$check")"

faketime "+${days} days" ./mvnw -B test -pl shared-api,event-store,api-security,command-side,query-side -am \
  -Dtest='!dev.invitations.embeddedmongo.**' -Dsurefire.failIfNoSpecifiedTests=false
