#!/usr/bin/env bash
# Writes random secrets for docker-compose.yml into .env (which compose reads and git ignores). A secret already in
# the file is left as it is: a new token secret would break every link already sent, and a new personal data
# secret would make every person look new to the key store, a new API key secret would revoke every API key, and a
# new webhook key would leave every webhook secret undecryptable (see docs/security.md).
#   scripts/generate-secrets.sh [file]      (default: .env at the repository's root)
set -euo pipefail
env_file="${1:-$(dirname "$0")/../.env}"
umask 077
touch "$env_file"
for name in INVITATIONS_TOKEN_SECRET INVITATIONS_JWT_SECRET INVITATIONS_PERSONAL_DATA_SECRET \
    INVITATIONS_API_KEY_SECRET INVITATIONS_WEBHOOKS_SECRET_KEY; do
  if grep -q "^${name}=" "$env_file"; then
    echo "$name: already in $env_file, left unchanged"
  else
    echo "${name}=$(head -c 48 /dev/urandom | base64 | tr -d '\n')" >> "$env_file"
    echo "$name: written into $env_file"
  fi
done
