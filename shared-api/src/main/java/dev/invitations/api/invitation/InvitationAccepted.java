package dev.invitations.api.invitation;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The invitee accepted: a membership service grants {@code role} in {@code orgId} to {@code invitedEmail}. */
@Revision("1")
public record InvitationAccepted(
        String invitationId,
        String orgId,
        String invitedEmail,
        String role,
        String acceptedBy,
        Instant acceptTime) {
}
