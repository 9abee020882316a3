#!/usr/bin/env bash
# Mints an HS256 bearer token for local runs, signed with INVITATIONS_JWT_SECRET (or the local default).
#   ./scripts/mint-jwt.sh [subject] [scope] [org...]
#   ./scripts/mint-jwt.sh admin "org.user.invite org.user.read" acme      # defaults: admin, both scopes, "*"
# With EMAIL set, the token also carries "email" and "email_verified": true (the invitee signed in, for /v1/me):
#   EMAIL=ada@example.com ./scripts/mint-jwt.sh ada ""
set -euo pipefail
secret="${INVITATIONS_JWT_SECRET:-local-development-jwt-secret-not-for-production}"
subject="${1:-admin}"
scope="${2-org.user.invite org.user.read}"
shift $(( $# < 2 ? $# : 2 ))
orgs=("${@:-*}")

base64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
orgs_json=$(printf '"%s",' "${orgs[@]}")
header=$(printf '{"alg":"HS256","typ":"JWT"}' | base64url)
email_claims=""
if [[ -n "${EMAIL:-}" ]]; then
  email_claims=$(printf ',"email":"%s","email_verified":true' "$EMAIL")
fi
payload=$(printf '{"sub":"%s","scope":"%s","orgs":[%s],"iat":%d,"exp":%d%s}' \
  "$subject" "$scope" "${orgs_json%,}" "$now" $((now + ${JWT_TTL_SECONDS:-3600})) "$email_claims" | base64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$secret" -binary | base64url)
echo "$header.$payload.$signature"
