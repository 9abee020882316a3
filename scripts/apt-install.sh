#!/usr/bin/env bash
# Installs Debian packages with apt-get unless the command they provide is already there:
#   scripts/apt-install.sh <command> <debian-package>...
# <command> is a name looked up on the PATH, or the path of an executable. Not being root, it runs apt-get through
# sudo, which asks for a password only on a terminal. It installs from the package lists as they are, and refreshes
# them first only when that fails (a fresh machine has none). Where it cannot install it says what to run and exits 1.
set -euo pipefail

if (($# < 2)); then
  echo "usage: $0 <command> <debian-package>..." >&2
  exit 2
fi
command="$1"
packages=("${@:2}")
if command -v "$command" >/dev/null; then
  exit 0
fi

cannot() {
  echo "apt-install.sh: $command is missing and $1; install it with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages[*]}" >&2
  exit 1
}
as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif [[ -t 0 ]]; then
    sudo "$@"
  else
    sudo -n "$@"
  fi
}

if ! command -v apt-get >/dev/null; then
  cannot "there is no apt-get"
fi
if [[ "$(id -u)" -ne 0 ]] && ! command -v sudo >/dev/null; then
  cannot "installing needs root or sudo"
fi
install=(env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}")
if ! as_root "${install[@]}" && ! { as_root apt-get update && as_root "${install[@]}"; }; then
  cannot "apt-get could not install ${packages[*]}"
fi
