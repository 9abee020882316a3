package dev.invitations.api.invitation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The invitee declined; the token is used up. */
@Revision("1")
public record InvitationDeclined(
        String invitationId,
        String orgId,
        String invitedEmail,
        Instant declineTime) {
}
