package dev.invitations.query.web;

import dev.invitations.api.invitation.EmailAddress;
import dev.invitations.api.org.OrgId;
import dev.invitations.problem.InvalidRequestException;
import dev.invitations.problem.InvalidRequestException.FieldViolation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads query parameters into values, collecting every violation so that one 400 names them all. */
final class QueryParameters {

    private final List<FieldViolation> violations = new ArrayList<>();

    /** The org id of the path: an id the command side could never have stored is a 400, as it is there. */
    void orgId(String orgId) {
        if (!OrgId.isValid(orgId)) {
            violations.add(new FieldViolation("orgId", "must be " + OrgId.FORMAT_DESCRIPTION));
        }
    }

    int intIn(String name, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below like an out-of-range number
        }
        violations.add(new FieldViolation(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    /**
     * A text to filter by, trimmed; null when blank. Control characters are in no stored email, role or sub, and a
     * NUL cannot even be sent: the email filter is a BSON regular expression, a C string.
     */
    String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (text.chars().anyMatch(Character::isISOControl)) {
            violations.add(new FieldViolation(name, "must not contain control characters"));
            return null;
        }
        return text;
    }

    /** A required email address, trimmed; null (and a violation) when it is missing or not an address. */
    String requiredEmail(String value) {
        if (value == null || !EmailAddress.isValid(value)) {
            violations.add(new FieldViolation("email", "must be " + EmailAddress.FORMAT_DESCRIPTION));
            return null;
        }
        return new EmailAddress(value).value();
    }

    /** An RFC 3339 timestamp such as {@code 2026-11-21T09:01:12Z} or {@code 2026-11-21T10:01:12+01:00}. */
    Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(name, "must be an RFC 3339 timestamp such as 2026-11-21T09:01:12Z"));
            return null;
        }
    }

    /** {@code parse} of the value, or the violation {@code message} when it throws IllegalArgumentException. */
    <T> T parsed(String name, String value, Function<String, T> parse, String message) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation(name, message));
            return null;
        }
    }

    static boolean strictBoolean(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }

    /** {@code minVersion}: a version, 0 or more; null when not given. */
    Long minVersion(String value) {
        return value == null ? null
                : parsed("minVersion", value, QueryParameters::version, "must be a version, 0 or more");
    }

    private static long version(String value) {
        long version = Long.parseLong(value);
        if (version < 0) {
            throw new IllegalArgumentException(value);
        }
        return version;
    }

    void violation(String name, String message) {
        violations.add(new FieldViolation(name, message));
    }

    /** @throws InvalidRequestException naming every violation found so far */
    void check() {
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }
}
