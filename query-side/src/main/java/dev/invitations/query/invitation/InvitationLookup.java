package dev.invitations.query.invitation;

import dev.invitations.resource.InvitationResource;
import dev.invitations.resource.InvitationState;

import java.time.Instant;

/** What the holder of an invitation token may see before accepting it. */
public record InvitationLookup(String orgId, String role, String inviter, String invitedEmail,
                               InvitationState state, Instant expirationTime) {

    static InvitationLookup of(InvitationResource view) {
        return new InvitationLookup(view.getOrgId(), view.getRole(), view.getInviter(), view.getInvitedEmail(),
                view.getState(), view.getExpirationTime());
    }
}
