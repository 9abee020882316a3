package dev.invitations.resource;

import dev.invitations.api.invitation.InvitationCreated;
import dev.invitations.api.invitation.InvitationResent;

/**
 * Which token hash is the invitation's current one: the last recorded by its creation or a resend. Not part of the
 * resource, which no client may see it in; each side keeps it beside the resource where it needs it.
 */
public final class CurrentTokenHash {

    private CurrentTokenHash() {
    }

    /** The current hash after {@code event}, given {@code current} before it. */
    public static String after(Object event, String current) {
        if (event instanceof InvitationCreated created) {
            return created.tokenHash();
        }
        if (event instanceof InvitationResent resent) {
            return resent.tokenHash();
        }
        return current;
    }
}
