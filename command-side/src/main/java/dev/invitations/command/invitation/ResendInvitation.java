package dev.invitations.command.invitation;

import dev.invitations.api.org.OrgId;
import dev.invitations.command.settings.OrgPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Issue a new token (the old one stops working) with a new expiry, and send the email again, in {@code locale} (null:
 * the invitation's), obeying {@code policy}, the org's as its settings stood when the request came.
 */
public record ResendInvitation(
        @TargetAggregateIdentifier String invitationId,
        OrgId orgId,
        Instant expirationTime,
        String locale,
        OrgPolicy policy,
        String actor,
        @TargetAggregateVersion Long expectedVersion) {
}
