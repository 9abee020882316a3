package dev.invitations.command.invitation;

import dev.invitations.api.org.OrgId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Map;

/** Change the role and/or the labels of a pending invitation; a {@code null} field stays as it is. */
public record UpdateInvitation(
        @TargetAggregateIdentifier String invitationId,
        OrgId orgId,
        String role,
        Map<String, String> labels,
        String actor,
        @TargetAggregateVersion Long expectedVersion) {
}
