package dev.invitations.command.invitation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The email of send number {@code sendCount} could not be handed to the SMTP server at attempt {@code attempts}.
 *
 * @param retrying whether another attempt is scheduled; false when the attempts ran out
 */
public record RecordEmailFailure(
        @TargetAggregateIdentifier String invitationId,
        int sendCount,
        int attempts,
        String error,
        boolean retrying) {
}
