package dev.invitations.command.invitation;

import dev.invitations.api.invitation.EmailAddress;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The invitee, signed in, accepts by the invitation's id: their verified email is the credential, so it must be the
 * invited one. {@code acceptedBy} is their user reference (the JWT's subject).
 */
public record AcceptInvitationAsInvitee(
        @TargetAggregateIdentifier String invitationId,
        EmailAddress verifiedEmail,
        String acceptedBy) {
}
