package dev.invitations.command.invitation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent when the expiry deadline fires; ignored unless the invitation is still pending and past its expiry. */
public record ExpireInvitation(@TargetAggregateIdentifier String invitationId) {
}
