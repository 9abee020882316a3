package dev.invitations.api.invitation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The SMTP server took the invitation email of send number {@code sendCount} after {@code attempts} attempts. */
@Revision("1")
public record InvitationEmailSent(
        String invitationId,
        String orgId,
        String invitedEmail,
        int sendCount,
        int attempts,
        Instant sentTime) {
}
