#!/usr/bin/env bash
# Writes random secrets for docker-compose.yml into .env (which compose reads and git ignores), once: an existing
# one is left as it is, since replacing the token secret would break every link already sent.
#   scripts/generate-secrets.sh [file]      (default: .env at the repository's root)
set -euo pipefail
env_file="${1:-$(dirname "$0")/../.env}"
if [[ -f "$env_file" ]] && grep -q '^INVITATIONS_TOKEN_SECRET=' "$env_file"; then
  echo "$env_file already holds the secrets; left unchanged"
  exit 0
fi
umask 077
{
  echo "INVITATIONS_TOKEN_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
  echo "INVITATIONS_JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
} >> "$env_file"
echo "wrote INVITATIONS_TOKEN_SECRET and INVITATIONS_JWT_SECRET into $env_file"
