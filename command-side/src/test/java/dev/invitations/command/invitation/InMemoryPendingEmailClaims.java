package dev.invitations.command.invitation;

import dev.invitations.command.invitation.InvitationRejected.Reason;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The claim rule without MongoDB, for the aggregate's given-when-then tests. */
class InMemoryPendingEmailClaims implements PendingEmailClaims {

    private final Map<String, String> holders = new HashMap<>();

    @Override
    public void claim(String orgId, String email, String invitationId) {
        String holder = holders.putIfAbsent(keyOf(orgId, email), invitationId);
        if (holder != null && !holder.equals(invitationId)) {
            throw new InvitationRejected(Reason.DUPLICATE_PENDING, "taken");
        }
    }

    @Override
    public void release(String orgId, String email, String invitationId) {
        holders.remove(keyOf(orgId, email), invitationId);
    }

    String holderOf(String orgId, String email) {
        return holders.get(keyOf(orgId, email));
    }

    private static String keyOf(String orgId, String email) {
        return orgId + "/" + email.trim().toLowerCase(Locale.ROOT);
    }
}
