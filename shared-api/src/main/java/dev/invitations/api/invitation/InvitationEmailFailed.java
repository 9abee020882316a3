package dev.invitations.api.invitation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An attempt to send the invitation email of send number {@code sendCount} failed with {@code error} (the SMTP
 * server's answer, or why it could not be reached). The invitation itself stays as it was: it can still be accepted
 * with a link the invitee has, and resent.
 *
 * @param retrying whether another attempt follows; false when the attempts ran out (delivery FAILED)
 */
@Revision("1")
public record InvitationEmailFailed(
        String invitationId,
        String orgId,
        String invitedEmail,
        int sendCount,
        int attempts,
        String error,
        boolean retrying,
        Instant failTime) {
}
