#!/usr/bin/env bash
# Prints a TCP port on 127.0.0.1 that nothing listens on, from 20000-39999.
set -euo pipefail
while true; do
  port=$(( 20000 + RANDOM % 20000 ))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; exit 0; fi
done
