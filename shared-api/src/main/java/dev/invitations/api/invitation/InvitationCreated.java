package dev.invitations.api.invitation;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;

/** An invitation was created; its first email is due unless {@code disableInvitationEmail}. */
@Revision("1")
public record InvitationCreated(
        String invitationId,
        String orgId,
        String invitedEmail,
        String role,
        String inviter,
        Map<String, String> labels,
        boolean disableInvitationEmail,
        String tokenHash,
        Instant expirationTime,
        String createdBy,
        Instant createTime) {
}
