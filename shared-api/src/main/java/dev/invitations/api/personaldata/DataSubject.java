package dev.invitations.api.personaldata;

import dev.invitations.api.invitation.EmailAddress;

import java.util.Objects;

/**
 * The person some personal data is about: an email address within an org. Two subjects are the same when their org
 * ids are and their addresses are equal as {@link EmailAddress} compares them (case and surrounding spaces aside).
 */
public record DataSubject(String orgId, EmailAddress email) {

    public DataSubject {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(email, "email");
    }

    /** The subject of an event's {@code email} in {@code orgId}; {@code null} when the email has been erased. */
    public static DataSubject of(String orgId, String email) {
        return email == null ? null : new DataSubject(orgId, new EmailAddress(email));
    }
}
