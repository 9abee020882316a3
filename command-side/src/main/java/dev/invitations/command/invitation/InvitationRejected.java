package dev.invitations.command.invitation;

/** A command the invitation's rules refuse. It changes nothing; the web layer maps {@link Reason} to a status. */
public class InvitationRejected extends RuntimeException {

    public enum Reason {
        /** No such invitation (in this org), or a token that names none. */
        NOT_FOUND,
        /** The invitation is not in a state that allows the command. */
        NOT_PENDING,
        /** The token was already used to accept. */
        ALREADY_ACCEPTED,
        /** The token can no longer be used: expired, revoked, declined, or superseded by a resend. */
        GONE,
        /** Accepting requires the invitee's email and the given one differs. */
        EMAIL_MISMATCH,
        /** Another invitation for this email is already pending in the org. */
        DUPLICATE_PENDING,
        /** A create names no roles, and the org has no default roles. */
        ROLES_REQUIRED,
        /** The email's domain is not among the org's allowed email domains (create, batch item, resend). */
        EMAIL_DOMAIN_NOT_ALLOWED,
        /** Accepting with an email whose domain the org does not allow: the invitation stays pending. */
        ACCEPTING_EMAIL_NOT_ALLOWED,
        /** A role is not among the org's allowed roles. */
        ROLE_NOT_ALLOWED,
        /** The redirect URL is not below one of the org's redirect URLs. */
        REDIRECT_NOT_ALLOWED,
        /** The invitation was sent as often in the last 24 hours as the org allows ({@link SendLimitReached}). */
        SEND_LIMIT_REACHED
    }

    private final Reason reason;

    public InvitationRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
