package dev.invitations.command.invitation;

import dev.invitations.api.invitation.Roles;
import dev.invitations.api.org.OrgId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Map;

/** Change the roles and/or the labels of a pending invitation; a {@code null} field stays as it is. */
public record UpdateInvitation(
        @TargetAggregateIdentifier String invitationId,
        OrgId orgId,
        Roles roles,
        Map<String, String> labels,
        String actor,
        @TargetAggregateVersion Long expectedVersion) {
}
