package dev.invitations.command.invitation;

import dev.invitations.api.org.OrgId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase the invitee's personal data from this invitation of {@code orgId}; {@code actor} asked for it. */
public record ErasePersonalData(
        @TargetAggregateIdentifier String invitationId,
        OrgId orgId,
        String actor) {
}
