package dev.invitations.command.email;

import java.time.Instant;

/**
 * What the invitation email of one send says. It holds no token: the mailer derives the token of send number
 * {@code sendCount} when it writes the link, under the key that the send's recorded {@code tokenHash} names, so
 * nothing that keeps this (the saga store) ever holds one.
 */
public record InvitationEmail(String invitationId, String orgId, String invitedEmail, String role, String inviter,
                              Instant expirationTime, int sendCount, String tokenHash) {

    /** The email of the next send, with a new token and expiry. */
    public InvitationEmail resent(int newSendCount, String newTokenHash, Instant newExpirationTime) {
        return new InvitationEmail(invitationId, orgId, invitedEmail, role, inviter, newExpirationTime, newSendCount,
                newTokenHash);
    }

    public InvitationEmail withRole(String newRole) {
        return new InvitationEmail(invitationId, orgId, invitedEmail, newRole, inviter, expirationTime, sendCount,
                tokenHash);
    }
}
