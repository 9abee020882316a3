package dev.invitations.query.invitation;

import dev.invitations.resource.InvitationResource;
import dev.invitations.resource.InvitationState;

import java.time.Instant;
import java.util.List;

/**
 * What the holder of an invitation token may see before accepting it.
 *
 * @param orgDisplayName the org's display name, shown instead of its id; null when it has none
 * @param roles          the roles the invitee is invited to, the first being {@code role}
 * @param locale         the BCP 47 tag the invitation is written for, as it was given; null when it names none
 */
public record InvitationLookup(String orgId, String orgDisplayName, String role, List<String> roles, String inviter,
                               String invitedEmail, InvitationState state, Instant expirationTime, String locale) {

    static InvitationLookup of(InvitationResource view) {
        return new InvitationLookup(view.getOrgId(), view.getOrgDisplayName(), view.getRole(), view.getRoles(),
                view.getInviter(), view.getInvitedEmail(), view.getState(), view.getExpirationTime(), view.getLocale());
    }
}
