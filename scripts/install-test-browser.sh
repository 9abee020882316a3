#!/usr/bin/env bash
# Installs the browser InviteePageIT drives: Debian's chromium and chromium-driver (/usr/bin/chromium,
# /usr/bin/chromedriver). Does nothing when both are there. Run by .ci/run and by the system-tests build before its
# integration tests. Where it cannot install (not root, no apt-get, no network) it only warns: the test then fails
# with a message naming this script, instead of the whole build stopping here.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi
if [[ "$(id -u)" -ne 0 ]] || ! command -v apt-get >/dev/null; then
  echo "install-test-browser.sh: chromium and chromium-driver are missing and need root with apt-get:" >&2
  echo "  sudo apt-get install -y --no-install-recommends chromium chromium-driver" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver; }; then
  echo "install-test-browser.sh: apt-get could not install chromium and chromium-driver" >&2
fi
