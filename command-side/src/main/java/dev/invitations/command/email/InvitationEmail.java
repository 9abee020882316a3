package dev.invitations.command.email;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonFormat;

import java.time.Instant;
import java.util.List;

/**
 * What the invitation email of one send says. It holds no token: the mailer derives the token of send number
 * {@code sendCount} when it writes the link, under the key that the send's recorded {@code tokenHash} names, so
 * nothing that keeps this (the saga store, the retry deadline) ever holds one.
 * <p>
 * Sagas and deadlines stored by an earlier release hold it with a single {@code role} and without
 * {@code orgDisplayName} or {@code locale}: that role reads as the only one, and the email as one without a display
 * name in English.
 *
 * @param orgDisplayName the org's display name, named instead of its id; null when it has none
 * @param roles          the roles the invitee is invited to, the first being the invitation's {@code role}
 * @param locale         the BCP 47 tag the email is written for, as the invitation gives it; null means English
 */
public record InvitationEmail(String invitationId, String orgId, String orgDisplayName, String invitedEmail,
                              @JsonAlias("role") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                              List<String> roles,
                              String inviter, String locale, Instant expirationTime, int sendCount,
                              String tokenHash) {

    public InvitationEmail {
        roles = List.copyOf(roles);
    }

    /**
     * The email of the next send, with a new token and expiry, in the send's language and naming the org as its
     * settings do then.
     */
    public InvitationEmail resent(int newSendCount, String newTokenHash, Instant newExpirationTime, String newLocale,
                                  String newOrgDisplayName) {
        return new InvitationEmail(invitationId, orgId, newOrgDisplayName, invitedEmail, roles, inviter, newLocale,
                newExpirationTime, newSendCount, newTokenHash);
    }

    public InvitationEmail withRoles(List<String> newRoles) {
        return new InvitationEmail(invitationId, orgId, orgDisplayName, invitedEmail, newRoles, inviter, locale,
                expirationTime, sendCount, tokenHash);
    }
}
