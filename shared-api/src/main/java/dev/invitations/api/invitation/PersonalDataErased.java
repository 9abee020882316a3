package dev.invitations.api.invitation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The personal data of the invitee was erased (on request, or by the retention period): from now on every earlier
 * event of this invitation reads {@code null} in its personal fields, and the invitation takes no more commands. This
 * event holds no personal data itself. A pending invitation was revoked just before.
 */
@Revision("1")
public record PersonalDataErased(
        String invitationId,
        String orgId,
        String erasedBy,
        Instant eraseTime) implements InvitationEvent {
}
