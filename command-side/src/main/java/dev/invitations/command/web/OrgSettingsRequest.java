package dev.invitations.command.web;

import dev.invitations.command.settings.OrgPolicy.TtlBounds;
import dev.invitations.command.settings.OrgPolicy;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The body of {@code PUT /v1/orgs/{orgId}/settings}: all the settings at once, an absent field being its default
 * (an empty list or null). Unknown fields are ignored.
 */
record OrgSettingsRequest(
        String displayName,
        List<String> allowedEmailDomains,
        List<String> allowedRoles,
        List<String> defaultRoles,
        String defaultTtl,
        String maximumTtl,
        String locale,
        List<String> redirectUrls,
        Integer maxSendsPerInvitationPerDay) {

    private static final int MAX_DISPLAY_NAME = 100;
    private static final int MAX_EMAIL_DOMAINS = 50;
    private static final int MAX_ALLOWED_ROLES = 50;
    /** As many as an invitation may have. */
    private static final int MAX_DEFAULT_ROLES = 10;
    private static final int MAX_REDIRECT_URLS = 20;
    private static final int MAX_SENDS_PER_DAY = 1000;

    /**
     * The policy these settings set, checked into {@code check} (every invalid field recorded); normalised: domains in
     * lower case, the locale in its canonical case. The TTLs must lie within the service's {@code bounds}.
     */
    OrgPolicy policy(RequestCheck check, TtlBounds bounds) {
        check.name("displayName", displayName, MAX_DISPLAY_NAME);
        List<String> domains = check.emailDomains("allowedEmailDomains", allowedEmailDomains, MAX_EMAIL_DOMAINS);
        List<String> allowed = check.roleList("allowedRoles", allowedRoles, MAX_ALLOWED_ROLES);
        List<String> defaults = check.roleList("defaultRoles", defaultRoles, MAX_DEFAULT_ROLES);
        for (int i = 0; defaultRoles != null && i < defaultRoles.size(); i++) {
            String role = defaultRoles.get(i);
            // an invalid role has its violation already
            check.require(allowed.isEmpty() || !defaults.contains(role) || allowed.contains(role),
                    "defaultRoles[" + i + "]", "must be one of allowedRoles");
        }
        Duration byDefault = check.duration("defaultTtl", defaultTtl, bounds);
        Duration maximum = check.duration("maximumTtl", maximumTtl, bounds);
        check.require(byDefault == null || maximum == null || byDefault.compareTo(maximum) <= 0, "defaultTtl",
                "must not exceed maximumTtl");
        String languageTag = check.languageTag("locale", locale);
        List<URI> urls = check.redirectUrls("redirectUrls", redirectUrls, MAX_REDIRECT_URLS);
        check.intIn("maxSendsPerInvitationPerDay", maxSendsPerInvitationPerDay, 1, MAX_SENDS_PER_DAY);
        return new OrgPolicy(displayName, domains, allowed, defaults, byDefault, maximum, languageTag, urls,
                maxSendsPerInvitationPerDay);
    }
}
