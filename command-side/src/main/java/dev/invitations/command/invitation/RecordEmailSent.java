package dev.invitations.command.invitation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The SMTP server took the email of send number {@code sendCount}, at attempt {@code attempts}. */
public record RecordEmailSent(
        @TargetAggregateIdentifier String invitationId,
        int sendCount,
        int attempts) {
}
