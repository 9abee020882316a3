package dev.invitations.api.invitation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A new token was issued (send number {@code sendCount}, the previous token is superseded) with a new expiry, and
 * the email is due again. An EXPIRED invitation is PENDING again after this event.
 */
@Revision("1")
public record InvitationResent(
        String invitationId,
        String orgId,
        String invitedEmail,
        String tokenHash,
        int sendCount,
        Instant expirationTime,
        String resentBy,
        Instant resendTime) {
}
