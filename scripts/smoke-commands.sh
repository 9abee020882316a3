#!/usr/bin/env bash
# A short smoke of every command the README offers besides ./mvnw verify, as a fresh clone runs them: .ci/run runs
# it after the tests. ./run-local.sh on free ports (an invitation created, read back, its page served, and its
# webhook verified by examples/webhook-receiver), scripts/mint-jwt.sh, scripts/generate-secrets.sh (into a scratch
# file), and ./bench.sh with its shortest settings.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch="$(mktemp -d)"
launcher=""
receiver=""
cleanup() {
  if [[ -n "$receiver" ]]; then kill "$receiver" 2>/dev/null || true; wait "$receiver" 2>/dev/null || true; fi
  if [[ -n "$launcher" ]]; then kill "$launcher" 2>/dev/null || true; wait "$launcher" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT

echo "== scripts/generate-secrets.sh"
scripts/generate-secrets.sh "$scratch/.env"
secrets=(INVITATIONS_TOKEN_SECRET INVITATIONS_JWT_SECRET INVITATIONS_PERSONAL_DATA_SECRET INVITATIONS_API_KEY_SECRET
  INVITATIONS_WEBHOOKS_SECRET_KEY)
for secret in "${secrets[@]}"; do
  grep -q "^${secret}=.\{40,\}" "$scratch/.env"
done
# a second run keeps every secret (captured first: grep -q would close the pipe on the script's next line)
second_run="$(scripts/generate-secrets.sh "$scratch/.env")"
[[ "$(grep -c 'left unchanged' <<<"$second_run")" == "${#secrets[@]}" ]]

echo "== ./run-local.sh"
command_port="$(scripts/free-port.sh)" query_port="$(scripts/free-port.sh)"
COMMAND_PORT="$command_port" QUERY_PORT="$query_port" MONGO_PORT="$(scripts/free-port.sh)" INVITATIONS_DATA_DIR="$scratch/data" \
  ./run-local.sh > "$scratch/run-local.log" 2>&1 &
launcher=$!
for _ in $(seq 1 360); do
  grep -q '^Ready\.' "$scratch/run-local.log" && break
  kill -0 "$launcher" 2>/dev/null || { cat "$scratch/run-local.log"; exit 1; }
  sleep 0.5
done
grep -q '^Ready\.' "$scratch/run-local.log" || { cat "$scratch/run-local.log"; exit 1; }

echo "== a webhook, and examples/webhook-receiver started with its secret"
hooks="Authorization: Bearer $(scripts/mint-jwt.sh smoke org.integrations.manage smoke-org)"
receiver_port="$(scripts/free-port.sh)"
registered="$(curl -fsS -H "$hooks" -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$receiver_port/hooks\",\"types\":[\"invitations.v1.InvitationCreated\"]}" \
  "http://127.0.0.1:$command_port/v1/orgs/smoke-org/webhooks")"
PORT="$receiver_port" WEBHOOK_SECRET="$(sed -E 's/.*"secret":"([^"]+)".*/\1/' <<< "$registered")" \
  java -jar examples/webhook-receiver/target/webhook-receiver.jar > "$scratch/receiver.log" 2>&1 &
receiver=$!
# created at once, as a client would: the endpoint gets every event stored after its registration

echo "== scripts/mint-jwt.sh, and a create read back"
auth="Authorization: Bearer $(scripts/mint-jwt.sh smoke 'org.user.invite org.user.read' smoke-org)"
created="$(curl -fsS -H "$auth" -H 'Content-Type: application/json' \
  -d '{"invitedEmail":"smoke@example.com","role":"member","disableInvitationEmail":true}' \
  "http://127.0.0.1:$command_port/v1/orgs/smoke-org/invitations")"
id="$(sed -E 's/.*"id":"([^"]+)".*/\1/' <<< "$created")"
token="$(sed -E 's/.*"invitationToken":"([^"]+)".*/\1/' <<< "$created")"
curl -fsS -H "$auth" "http://127.0.0.1:$query_port/v1/orgs/smoke-org/invitations/$id?minVersion=0" | grep -q '"state":"PENDING"'
curl -fsS "http://127.0.0.1:$query_port/invite?token=$token" | grep -q 'smoke-org'

echo "== the create's webhook, verified by the receiver"
for _ in $(seq 1 60); do
  grep -q '^verified ' "$scratch/receiver.log" && break
  sleep 0.5
done
grep -q '^verified [^ ]* invitations\.v1\.InvitationCreated$' "$scratch/receiver.log" \
  || { cat "$scratch/receiver.log"; exit 1; }
kill "$receiver"; wait "$receiver" || true; receiver=""
kill "$launcher"; wait "$launcher" || true; launcher=""
! grep -q ' ERROR ' "$scratch/run-local.log" || { grep ' ERROR ' "$scratch/run-local.log"; exit 1; }

echo "== ./bench.sh, shortest"
BENCH_LIST_SIZES= BENCH_WARM_UP_SECONDS=1 ./bench.sh > "$scratch/bench.log" 2>&1 || { tail -40 "$scratch/bench.log"; exit 1; }
tail -1 "$scratch/bench.log" | grep -q '^{'
echo "smoke: every command worked"
