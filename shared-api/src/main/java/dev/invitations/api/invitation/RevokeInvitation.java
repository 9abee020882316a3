package dev.invitations.api.invitation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Withdraw a pending invitation; {@code reason} is optional. Cancelling (HTTP DELETE) is the same command. */
public record RevokeInvitation(
        @TargetAggregateIdentifier String invitationId,
        String orgId,
        String reason,
        String actor,
        @TargetAggregateVersion Long expectedVersion) {
}
