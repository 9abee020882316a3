package dev.invitations.command.invitation;

import dev.invitations.api.invitation.EmailAddress;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The invitee, signed in, declines by the invitation's id: their verified email must be the invited one. */
public record DeclineInvitationAsInvitee(
        @TargetAggregateIdentifier String invitationId,
        EmailAddress verifiedEmail) {
}
