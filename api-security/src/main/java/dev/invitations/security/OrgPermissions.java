package dev.invitations.security;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * The contract's permission model: {@code scope} holds permissions, {@code orgs} the orgs a caller may act on
 * ({@code "*"} for all). Reads need {@code org.user.read}, every other method {@code org.user.invite}, but for a
 * person's data (export, erasure), which needs {@code org.privacy.manage}, and the org's settings, which anyone who
 * may read invitations may read (their history too) and only {@code org.settings.manage} may change, and its
 * webhooks, which only {@code org.integrations.manage} may read or change.
 */
final class OrgPermissions {

    static final String READ = "org.user.read";
    static final String INVITE = "org.user.invite";
    /** A person's data in the org: its export and its erasure. */
    static final String PRIVACY = "org.privacy.manage";
    private static final List<PathPattern> PERSONAL_DATA_PATHS = Stream.of(
            "/v1/orgs/{orgId}/personalData", "/v1/orgs/{orgId}/personalData:erase")
            .map(PathPatternParser.defaultInstance::parse).toList();
    /** The org's settings: their change. */
    static final String SETTINGS = "org.settings.manage";
    private static final PathPattern SETTINGS_PATHS =
            PathPatternParser.defaultInstance.parse("/v1/orgs/{orgId}/settings/**");
    /** The org's integrations: its webhooks, read and changed. */
    static final String INTEGRATIONS = "org.integrations.manage";
    private static final PathPattern WEBHOOK_PATHS =
            PathPatternParser.defaultInstance.parse("/v1/orgs/{orgId}/webhooks/**");
    /** Operations across every org, such as rebuilding the views. */
    static final String ADMIN = "invitations.admin";
    private static final String ALL_ORGS = "*";

    private OrgPermissions() {
    }

    /**
     * The permission a request needs. Its path is matched decoded, as Spring MVC matches it to a controller: matched
     * as sent, {@code personalD%61ta:erase} would need a lesser permission than the erasure it reaches.
     */
    static String requiredFor(String method, String requestUri) {
        PathContainer path = PathContainer.parsePath(requestUri);
        if (PERSONAL_DATA_PATHS.stream().anyMatch(pattern -> pattern.matches(path))) {
            return PRIVACY;
        }
        if (WEBHOOK_PATHS.matches(path)) {
            return INTEGRATIONS;
        }
        boolean read = HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method);
        if (SETTINGS_PATHS.matches(path)) {
            return read ? READ : SETTINGS;
        }
        return read ? READ : INVITE;
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
