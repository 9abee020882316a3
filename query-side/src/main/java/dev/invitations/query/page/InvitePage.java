package dev.invitations.query.page;

import dev.invitations.query.invitation.InvitationLookup;
import dev.invitations.resource.InvitationState;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the invitee's page shows for a token: the pending invitation with its buttons, or why it can no longer be
 * answered. Never the token itself.
 *
 * @param invitation the pending invitation; null when the page shows only {@code heading} and {@code message}
 */
public record InvitePage(HttpStatus status, String heading, String message, InvitationLookup invitation) {

    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    static InvitePage noToken() {
        return new InvitePage(HttpStatus.BAD_REQUEST, "This link is incomplete",
                "It carries no invitation. Open the link from your invitation email again.", null);
    }

    /** Unknown, or no longer the invitation's token because it was sent again since: the two look the same. */
    static InvitePage unknown() {
        return new InvitePage(HttpStatus.NOT_FOUND, "This invitation link is not valid",
                "It may have been replaced by a newer invitation email: use the most recent one, or ask the person"
                        + " who invited you to send it again.", null);
    }

    static InvitePage of(InvitationLookup invitation, Instant now) {
        InvitationState state = invitation.state();
        if (state == InvitationState.PENDING && now.isBefore(invitation.expirationTime())) {
            return new InvitePage(HttpStatus.OK, "You are invited to join " + invitation.orgId(), null, invitation);
        }
        return switch (state) {
            // a pending invitation past its expiry is expired, even before the expiry event is stored
            case PENDING, EXPIRED -> gone("This invitation has expired",
                    "It was valid until " + readable(invitation.expirationTime())
                            + ". Ask the person who invited you to send it again.");
            case REVOKED -> gone("This invitation was withdrawn",
                    "The organization cancelled it. Ask the person who invited you if you think this is a mistake.");
            case ACCEPTED -> gone("This invitation has already been accepted",
                    "An invitation link works once, and this one has been used.");
            case DECLINED -> gone("This invitation was declined",
                    "An invitation link works once. Ask the person who invited you for a new invitation.");
        };
    }

    public boolean pending() {
        return invitation != null;
    }

    public String expiresAt() {
        return readable(invitation.expirationTime());
    }

    private static InvitePage gone(String heading, String message) {
        return new InvitePage(HttpStatus.GONE, heading, message, null);
    }

    private static String readable(Instant instant) {
        return READABLE.format(instant);
    }
}
