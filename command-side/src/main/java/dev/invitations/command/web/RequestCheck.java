package dev.invitations.command.web;

import dev.invitations.api.invitation.EmailAddress;
import dev.invitations.api.invitation.LanguageTags;
import dev.invitations.api.invitation.Roles;
import dev.invitations.api.org.OrgId;
import dev.invitations.command.config.InvitationsProperties.Ttl;
import dev.invitations.problem.InvalidRequestException;
import dev.invitations.problem.InvalidRequestException.FieldViolation;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects every violation of a request before answering, so that a client fixes all its fields in one round.
 * The patterns and limits are the contract's.
 */
final class RequestCheck {

    private static final Pattern LABEL_KEY = Pattern.compile("[a-z0-9_-]{1,63}");
    private static final Pattern PROTOBUF_SECONDS = Pattern.compile("(\\d{1,12})(?:\\.(\\d{1,9}))?s");
    private static final int MAX_LABELS = 32;
    private static final int MAX_LABEL_VALUE = 256;
    private static final int MAX_TEXT = 256;
    private static final int MAX_URL = 2048;

    private final List<FieldViolation> violations = new ArrayList<>();

    RequestCheck require(boolean valid, String field, String message) {
        if (!valid) {
            violations.add(new FieldViolation(field, message));
        }
        return this;
    }

    RequestCheck orgId(String orgId) {
        return require(OrgId.isValid(orgId), "orgId", "must be " + OrgId.FORMAT_DESCRIPTION);
    }

    RequestCheck email(String field, String email) {
        if (email == null || email.isBlank()) {
            return require(false, field, "is required");
        }
        return require(EmailAddress.isValid(email), field, "must be " + EmailAddress.FORMAT_DESCRIPTION);
    }

    /**
     * The roles a request names: {@code roles}, or {@code role} as the only one; given both, {@code role} must be the
     * first of {@code roles}. Null when it names none or they are invalid (with the violation recorded).
     */
    Roles roles(String role, List<String> roles) {
        if (roles == null) {
            if (role == null) {
                return null;
            }
            require(Roles.isValidRole(role), "role", "must be " + Roles.ROLE_DESCRIPTION);
            return Roles.isValidRole(role) ? Roles.of(role) : null;
        }
        int before = violations.size();
        require(!roles.isEmpty() && roles.size() <= Roles.MAX, "roles", "must hold 1 to " + Roles.MAX + " roles");
        for (int i = 0; i < roles.size(); i++) {
            require(Roles.isValidRole(roles.get(i)), "roles[" + i + "]", "must be " + Roles.ROLE_DESCRIPTION);
        }
        require(new HashSet<>(roles).size() == roles.size(), "roles", "must not repeat a role");
        require(role == null || roles.isEmpty() || role.equals(roles.get(0)), "role",
                "must be the first of roles when both are given");
        return violations.size() == before ? new Roles(roles) : null;
    }

    /** A BCP 47 language tag ({@code de}, {@code pt-BR}) of at most 35 characters, or none. */
    RequestCheck locale(String locale) {
        return require(locale == null || LanguageTags.isWellFormed(locale), "locale",
                "must be a BCP 47 language tag such as de or pt-BR");
    }

    /**
     * An absolute http(s) URL, or none; whether the org admits it is the org's policy. Null when none or invalid
     * (with the violation recorded).
     */
    URI redirectUrl(String redirectUrl) {
        if (redirectUrl == null) {
            return null;
        }
        try {
            URI uri = new URI(redirectUrl);
            boolean web = uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawFragment() == null
                    && redirectUrl.length() <= MAX_URL;
            require(web, "redirectUrl", "must be an absolute http or https URL without user info or fragment, of at"
                    + " most " + MAX_URL + " characters");
            return web ? uri : null;
        } catch (URISyntaxException notAUri) {
            require(false, "redirectUrl", "must be an absolute http or https URL");
            return null;
        }
    }

    RequestCheck text(String field, String value) {
        return require(value == null || (value.length() <= MAX_TEXT && value.chars().noneMatch(Character::isISOControl)),
                field, "must be at most " + MAX_TEXT + " characters without control characters");
    }

    RequestCheck labels(Map<String, String> labels) {
        if (labels == null) {
            return this;
        }
        require(labels.size() <= MAX_LABELS, "labels", "must have at most " + MAX_LABELS + " entries");
        labels.forEach((key, value) -> {
            require(LABEL_KEY.matcher(key).matches(), "labels." + key,
                    "key must be 1-63 characters of a-z, 0-9, _ and -");
            require(value != null && value.length() <= MAX_LABEL_VALUE, "labels." + key,
                    "value must be a string of at most " + MAX_LABEL_VALUE + " characters");
        });
        return this;
    }

    /**
     * The expiry a request asks for: {@code ttl} (ISO-8601 like {@code P7D}, or protobuf seconds like
     * {@code 604800s}) or an absolute {@code expirationTime}, not both; neither gives the default ttl. Null when
     * invalid, with the violation recorded.
     */
    Instant expiry(String ttl, Instant expirationTime, Ttl bounds, Instant now) {
        if (ttl != null && expirationTime != null) {
            require(false, "ttl", "give either ttl or expirationTime, not both");
            return null;
        }
        if (expirationTime != null) {
            return withinBounds("expirationTime", Duration.between(now, expirationTime), bounds) ? expirationTime : null;
        }
        if (ttl == null) {
            return now.plus(bounds.defaultTtl());
        }
        Duration duration = parseTtl(ttl);
        if (duration == null) {
            require(false, "ttl", "must be an ISO-8601 duration such as P7D or a number of seconds such as 604800s");
            return null;
        }
        return withinBounds("ttl", duration, bounds) ? now.plus(duration) : null;
    }

    private boolean withinBounds(String field, Duration ttl, Ttl bounds) {
        boolean valid = ttl.compareTo(bounds.minimum()) >= 0 && ttl.compareTo(bounds.maximum()) <= 0;
        require(valid, field, "must lie between " + bounds.minimum() + " and " + bounds.maximum() + " from now");
        return valid;
    }

    private static Duration parseTtl(String ttl) {
        Matcher seconds = PROTOBUF_SECONDS.matcher(ttl);
        try {
            if (seconds.matches()) {
                return Duration.ofSeconds(Long.parseLong(seconds.group(1)),
                        seconds.group(2) == null ? 0 : Long.parseLong((seconds.group(2) + "00000000").substring(0, 9)));
            }
            return Duration.parse(ttl);
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException notADuration) {
            return null;
        }
    }

    void orThrow() {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }
}
