package dev.invitations.api.org;

import java.util.regex.Pattern;

/** The contract's format of an org id, checked by both sides' requests. */
public final class OrgId {

    public static final String FORMAT_DESCRIPTION = "1-64 characters of A-Z, a-z, 0-9, _ and -";
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private OrgId() {
    }

    public static boolean isValid(String orgId) {
        return orgId != null && FORMAT.matcher(orgId).matches();
    }
}
