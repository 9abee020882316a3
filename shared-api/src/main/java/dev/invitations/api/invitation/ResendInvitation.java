package dev.invitations.api.invitation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** Issue a new token (the old one stops working) with a new expiry, and send the email again. */
public record ResendInvitation(
        @TargetAggregateIdentifier String invitationId,
        String orgId,
        Instant expirationTime,
        String actor,
        @TargetAggregateVersion Long expectedVersion) {
}
