package dev.invitations.command.invitation;

import dev.invitations.api.org.OrgId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Withdraw a pending invitation; {@code reason} is optional. Cancelling (HTTP DELETE) is the same command. */
public record RevokeInvitation(
        @TargetAggregateIdentifier String invitationId,
        OrgId orgId,
        String reason,
        String actor,
        @TargetAggregateVersion Long expectedVersion) {
}
