package dev.invitations.api.invitation;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;

/** The role or labels of a pending invitation changed; both fields hold the values after the change. */
@Revision("1")
public record InvitationUpdated(
        String invitationId,
        String orgId,
        String role,
        Map<String, String> labels,
        String updatedBy,
        Instant updateTime) implements InvitationEvent {
}
