package dev.invitations.api.invitation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An admin withdrew the pending invitation; its token no longer works. */
@Revision("1")
public record InvitationRevoked(
        String invitationId,
        String orgId,
        String invitedEmail,
        String reason,
        String revokedBy,
        Instant revokeTime) {
}
