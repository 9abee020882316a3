package dev.invitations.api.org;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * An org id in the contract's format, which both sides' requests check. As JSON it is the plain string. The events
 * keep org ids as strings: their stored form does not depend on this type.
 */
public record OrgId(@JsonValue String value) {

    public static final String FORMAT_DESCRIPTION = "1-64 characters of A-Z, a-z, 0-9, _ and -";
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** @throws IllegalArgumentException when {@code value} is not {@value #FORMAT_DESCRIPTION} */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public OrgId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("an org id is " + FORMAT_DESCRIPTION + ", not "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
    }

    public static boolean isValid(String orgId) {
        return orgId != null && FORMAT.matcher(orgId).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
