#!/usr/bin/env bash
# Installs Debian's faketime (libfaketime), which scripts/test-with-clock-ahead.sh runs the tests under. Does nothing
# when it is there. Needs root with apt-get; otherwise it says what to run.
set -euo pipefail

if command -v faketime >/dev/null; then
  exit 0
fi
if [[ "$(id -u)" -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "install-faketime.sh: faketime is missing and needs root with apt-get:" >&2
  echo "  sudo apt-get install -y --no-install-recommends faketime" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends faketime || { apt-get update && apt-get install -y --no-install-recommends faketime; }
