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
        ROLES_REQUIRED
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
