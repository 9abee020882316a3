package dev.invitations.security;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.Authentication;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;
import java.util.stream.Stream;

/**
 * The contract's permission model: {@code scope} holds permissions, {@code orgs} the orgs a caller may act on
 * ({@code "*"} for all). Reads need {@code org.user.read}, every other method {@code org.user.invite}, but for a
 * person's data (export, erasure), which needs {@code org.privacy.manage}, the org's settings, which anyone who
 * may read invitations may read (their history too) and only {@code org.settings.manage} may change, and the org's
 * integrations (API keys and webhooks), which need {@code org.integrations.manage} whatever the method. A caller is a
 * bearer JWT or an API key ({@link OrgCaller}).
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
    /** The org's integrations: its API keys and webhooks, read and changed. */
    static final String INTEGRATIONS = "org.integrations.manage";
    private static final PathPattern API_KEY_PATHS =
            PathPatternParser.defaultInstance.parse("/v1/orgs/{orgId}/apiKeys/**");
    private static final PathPattern WEBHOOK_PATHS =
            PathPatternParser.defaultInstance.parse("/v1/orgs/{orgId}/webhooks/**");
    /** Operations across every org, such as rebuilding the views. */
    static final String ADMIN = "invitations.admin";

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
        if (API_KEY_PATHS.matches(path) || WEBHOOK_PATHS.matches(path)) {
            return INTEGRATIONS;
        }
        boolean read = HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method);
        if (SETTINGS_PATHS.matches(path)) {
            return read ? READ : SETTINGS;
        }
        return read ? READ : INVITE;
    }

    static boolean mayActOn(Authentication caller, String orgId) {
        return OrgCaller.of(caller).map(known -> known.mayActOn(orgId)).orElse(false);
    }

    static boolean holds(Authentication caller, String permission) {
        return OrgCaller.of(caller).map(known -> known.holds(permission)).orElse(false);
    }
}
