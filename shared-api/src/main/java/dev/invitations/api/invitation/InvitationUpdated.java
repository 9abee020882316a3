package dev.invitations.api.invitation;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The roles or labels of a pending invitation changed; both fields hold the values after the change. Revision 1 had a
 * single {@code role}: {@link InvitationUpcasters} reads it as this one.
 */
@Revision("2")
public record InvitationUpdated(
        String invitationId,
        String orgId,
        List<String> roles,
        Map<String, String> labels,
        String updatedBy,
        Instant updateTime) implements InvitationEvent {
}
