package dev.invitations.security;

import dev.invitations.api.invitation.EmailAddress;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Optional;

/**
 * The invitee signed in: a bearer JWT whose {@code email} claim holds an address its issuer verified
 * ({@code email_verified: true}). That address is the credential of the calls under {@code /v1/me}, which need no
 * org or scope.
 */
public final class VerifiedInvitee {

    static final String EMAIL = "email";
    static final String EMAIL_VERIFIED = "email_verified";

    private VerifiedInvitee() {
    }

    /** The caller's verified email, if the caller is a JWT that has one. */
    public static Optional<EmailAddress> emailOf(Authentication caller) {
        if (caller == null || !(caller.getPrincipal() instanceof Jwt jwt)
                || !Boolean.TRUE.equals(jwt.getClaimAsBoolean(EMAIL_VERIFIED))) {
            return Optional.empty();
        }
        String email = jwt.getClaimAsString(EMAIL);
        return EmailAddress.isValid(email) ? Optional.of(new EmailAddress(email)) : Optional.empty();
    }

    /** The verified email of a caller the security chain let through to {@code /v1/me}. */
    public static EmailAddress requireEmailOf(Authentication caller) {
        return emailOf(caller).orElseThrow(() -> new IllegalStateException("/v1/me is reached with a verified email"));
    }
}
