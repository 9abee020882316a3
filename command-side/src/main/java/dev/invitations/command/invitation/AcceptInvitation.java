package dev.invitations.command.invitation;

import dev.invitations.api.invitation.EmailAddress;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The invitee accepts with the token from the email. The command carries only the token's keyed hash, so the
 * plaintext token never reaches a command log or a message store.
 *
 * @param acceptedBy        optional reference to the user account that accepted
 * @param email             optional email the invitee claims; checked when {@code requireEmailMatch}
 * @param requireEmailMatch the deployment's {@code invitations.accept.require-email-match}
 */
public record AcceptInvitation(
        @TargetAggregateIdentifier String invitationId,
        String tokenHash,
        String acceptedBy,
        EmailAddress email,
        boolean requireEmailMatch) {
}
