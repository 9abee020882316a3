#!/usr/bin/env bash
# Drives the previous release (started by its own run-local.sh, see README.md) through every invitation event type.
set -euo pipefail
C=http://localhost:18080; Q=http://localhost:18081
cd "${PREVIOUS_RELEASE_CLONE:?the clone of the previous release whose run-local.sh runs}"
AUTH="Authorization: Bearer $(./scripts/mint-jwt.sh alice 'org.user.invite org.user.read' acme)"
DPO="Authorization: Bearer $(./scripts/mint-jwt.sh dpo org.privacy.manage acme)"
JSON='Content-Type: application/json'
create() { curl -sf -X POST $C/v1/orgs/acme/invitations -H "$AUTH" -H "$JSON" -d "$1"; }
A=$(create '{"invitedEmail":"ada@example.com","role":"member","inviter":"Grace","ttl":"P7D","labels":{"team":"growth"}}')
B=$(create '{"invitedEmail":"Bob@Example.com","role":"member","ttl":"P7D"}')
BID=$(jq -r .id <<<"$B"); BTOK=$(jq -r .invitationToken <<<"$B")
sleep 2
curl -sf -X PATCH "$C/v1/orgs/acme/invitations/$BID" -H "$AUTH" -H "$JSON" -d '{"role":"admin","labels":{"team":"core"}}' >/dev/null
curl -sf -X POST $C/v1/invitations:accept -H "$JSON" -d "{\"token\":\"$BTOK\",\"acceptedBy\":\"user-42\"}" >/dev/null
Cc=$(create '{"invitedEmail":"carol@example.com","role":"viewer","ttl":"P7D"}')
CID=$(jq -r .id <<<"$Cc")
sleep 2
R=$(curl -sf -X POST "$C/v1/orgs/acme/invitations/$CID:resend" -H "$AUTH" -H "$JSON" -d '{"ttl":"PT48H"}')
curl -sf -X POST $C/v1/invitations:decline -H "$JSON" -d "{\"token\":\"$(jq -r .invitationToken <<<"$R")\"}" >/dev/null
create '{"invitedEmail":"dan@example.com","role":"member","ttl":"PT3S","disableInvitationEmail":true}' >/dev/null
E=$(create '{"invitedEmail":"eve@example.com","role":"member","ttl":"P7D"}')
curl -sf -X POST "$C/v1/orgs/acme/invitations/$(jq -r .id <<<"$E"):revoke" -H "$AUTH" -H "$JSON" -d '{"reason":"typo"}' >/dev/null
F=$(create '{"invitedEmail":"fay@example.com","role":"billing-admin","inviter":"Grace","ttl":"P30D","labels":{"team":"finance"}}')
echo "pending: $(jq -r .id <<<"$F")"
create '{"invitedEmail":"gil@example.com","role":"member","ttl":"P7D"}' >/dev/null
sleep 3
curl -sf -X POST "$C/v1/orgs/acme/personalData:erase" -H "$DPO" -H "$JSON" -d '{"email":"gil@example.com"}' >/dev/null
sleep 8
curl -sf "$Q/v1/orgs/acme/invitations?state=ALL&limit=20" -H "$AUTH" | jq -c '.invitations[] | [.invitedEmail, .state, .role, .delivery.status]'
