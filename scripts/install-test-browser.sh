#!/usr/bin/env bash
# Installs the browser InviteePageIT drives: Debian's chromium and chromium-driver (/usr/bin/chromium,
# /usr/bin/chromedriver), unless they are there; chromium-driver depends on chromium, so the driver stands for both.
# Run by .ci/run and by the system-tests build before its integration tests. Where it cannot install (neither root nor
# sudo, no apt-get, no network) it only warns: the test then fails with a message naming this script, instead of the
# whole build stopping here.
set -euo pipefail

if ! "$(dirname "$0")/apt-install.sh" /usr/bin/chromedriver chromium chromium-driver; then
  echo "install-test-browser.sh: going on without the browser; InviteePageIT will fail" >&2
fi
