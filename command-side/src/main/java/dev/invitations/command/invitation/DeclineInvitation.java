package dev.invitations.command.invitation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The invitee declines with the token from the email (carried as its keyed hash). */
public record DeclineInvitation(@TargetAggregateIdentifier String invitationId, String tokenHash) {
}
