package dev.invitations.api.invitation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The invitation reached its expiry while pending; a resend makes it pending again. */
@Revision("1")
public record InvitationExpired(
        String invitationId,
        String orgId,
        String invitedEmail,
        Instant expireTime) {
}
