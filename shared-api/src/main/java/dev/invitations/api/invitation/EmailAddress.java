package dev.invitations.api.invitation;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An email address as this service reads and compares it, the one place that normalises one: surrounding spaces are
 * dropped, the rest is kept as given (an invitation shows the address as it was typed), and two addresses are equal
 * whatever their case.
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    public static final String FORMAT_DESCRIPTION = "an email address of at most " + MAX_LENGTH + " characters";
    // deliberately loose: one @, no spaces or control characters, a dot in the domain; the email itself is the test
    private static final Pattern FORMAT =
            Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    private final String value;

    public EmailAddress(String address) {
        this.value = Objects.requireNonNull(address, "address").strip();
    }

    /** Whether {@code address}, once trimmed, is {@value #FORMAT_DESCRIPTION}. */
    public static boolean isValid(String address) {
        if (address == null) {
            return false;
        }
        String trimmed = address.strip();
        return trimmed.length() <= MAX_LENGTH && FORMAT.matcher(trimmed).matches();
    }

    /** The address as given, trimmed. */
    public String value() {
        return value;
    }

    /** The form addresses are compared and keyed by: lower case. */
    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailAddress address && normalized().equals(address.normalized());
    }

    @Override
    public int hashCode() {
        return normalized().hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
