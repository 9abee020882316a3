package dev.invitations.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The contract's permission model: {@code scope} holds permissions, {@code orgs} the orgs a caller may act on
 * ({@code "*"} for all). Reads need {@code org.user.read}, every other method {@code org.user.invite}, and a
 * person's data (export, erasure) {@code org.privacy.manage}.
 */
final class OrgPermissions {

    static final String READ = "org.user.read";
    static final String INVITE = "org.user.invite";
    /** A person's data in the org: its export and its erasure. */
    static final String PRIVACY = "org.privacy.manage";
    private static final Pattern PERSONAL_DATA_PATH = Pattern.compile("/v1/orgs/[^/]+/personalData(:erase)?");
    /** Operations across every org, such as rebuilding the views. */
    static final String ADMIN = "invitations.admin";
    private static final String ALL_ORGS = "*";

    private OrgPermissions() {
    }

    static String requiredFor(String method, String path) {
        if (PERSONAL_DATA_PATH.matcher(path).matches()) {
            return PRIVACY;
        }
        return HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) ? READ : INVITE;
    }

    static boolean mayActOn(Authentication caller, String orgId) {
        if (!(caller instanceof JwtAuthenticationToken jwt)) {
            return false;
        }
        Object orgs = jwt.getToken().getClaims().get("orgs");
        Collection<?> allowed = orgs instanceof Collection<?> list ? list : orgs == null ? List.of() : List.of(orgs);
        return allowed.contains(ALL_ORGS) || allowed.contains(orgId);
    }

    static boolean holds(Authentication caller, String permission) {
        return caller != null && caller.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("SCOPE_" + permission));
    }
}
