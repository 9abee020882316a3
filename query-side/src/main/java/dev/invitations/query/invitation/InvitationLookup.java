package dev.invitations.query.invitation;

import dev.invitations.api.invitation.InvitationState;
import dev.invitations.api.invitation.InvitationView;

import java.time.Instant;

/** What the holder of an invitation token may see before accepting it. */
public record InvitationLookup(String orgId, String role, String inviter, String invitedEmail,
                               InvitationState state, Instant expirationTime) {

    static InvitationLookup of(InvitationView view) {
        return new InvitationLookup(view.getOrgId(), view.getRole(), view.getInviter(), view.getInvitedEmail(),
                view.getState(), view.getExpirationTime());
    }
}
