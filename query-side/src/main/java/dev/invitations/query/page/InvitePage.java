package dev.invitations.query.page;

import dev.invitations.api.language.InvitationLanguage;
import dev.invitations.query.invitation.InvitationLookup;
import dev.invitations.resource.InvitationState;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.util.Locale;

/**
 * What the invitee's page shows for a token, and in which language: the pending invitation with its buttons, or why
 * it can no longer be answered. Never the token itself. Its wording is in the {@code messages/page} bundles.
 *
 * @param says       which heading and message the page shows: {@code page.<says>.heading} and {@code .message}
 * @param invitation the invitation the token names; null when it names none
 * @param language   the {@code ?lang=} asked for, else the invitation's, else English
 */
public record InvitePage(HttpStatus status, Says says, InvitationLookup invitation, InvitationLanguage language) {

    /** What the page tells the invitee. */
    public enum Says {
        NO_TOKEN, UNKNOWN, PENDING, EXPIRED, REVOKED, ACCEPTED, DECLINED;

        /** The start of its message keys: {@code page.no-token}... */
        String key() {
            return "page." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    static InvitePage noToken(String lang) {
        return new InvitePage(HttpStatus.BAD_REQUEST, Says.NO_TOKEN, null, InvitationLanguage.of(lang));
    }

    /** Unknown, or no longer the invitation's token because it was sent again since: the two look the same. */
    static InvitePage unknown(String lang) {
        return new InvitePage(HttpStatus.NOT_FOUND, Says.UNKNOWN, null, InvitationLanguage.of(lang));
    }

    static InvitePage of(InvitationLookup invitation, Instant now, String lang) {
        var language = InvitationLanguage.of(lang, invitation.locale());
        InvitationState state = invitation.state();
        if (state == InvitationState.PENDING && now.isBefore(invitation.expirationTime())) {
            return new InvitePage(HttpStatus.OK, Says.PENDING, invitation, language);
        }
        Says says = switch (state) {
            // a pending invitation past its expiry is expired, even before the expiry event is stored
            case PENDING, EXPIRED -> Says.EXPIRED;
            case REVOKED -> Says.REVOKED;
            case ACCEPTED -> Says.ACCEPTED;
            case DECLINED -> Says.DECLINED;
        };
        return new InvitePage(HttpStatus.GONE, says, invitation, language);
    }

    public boolean pending() {
        return says == Says.PENDING;
    }

    public String headingKey() {
        return says.key() + ".heading";
    }

    public String messageKey() {
        return says.key() + ".message";
    }

    /** The org as the page names it: its display name, else its id; null when the token names no invitation. */
    public String org() {
        if (invitation == null) {
            return null;
        }
        return invitation.orgDisplayName() != null ? invitation.orgDisplayName() : invitation.orgId();
    }

    /** When the invitation expires (expired), in the page's language; null when the token names no invitation. */
    public String expiresAt() {
        return invitation == null ? null : language.dateTime(invitation.expirationTime());
    }
}
