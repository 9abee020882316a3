package dev.invitations.resource;

import dev.invitations.api.org.OrgSettingsChanged;

import java.util.List;

/**
 * The org settings resource of the contract: the JSON both sides answer with, taken from the latest
 * {@link OrgSettingsChanged} (which holds all of them). Its version, the {@code ETag}, is not part of it. An empty
 * list or {@code null} is the default: any email domain, any role, no default roles, the service's TTLs, no redirect
 * URLs, no limit on sends.
 */
public record OrgSettingsResource(
        String displayName,
        List<String> allowedEmailDomains,
        List<String> allowedRoles,
        List<String> defaultRoles,
        String defaultTtl,
        String maximumTtl,
        String locale,
        List<String> redirectUrls,
        Integer maxSendsPerInvitationPerDay) {

    /** An org that never changed its settings has these, at version 0. */
    public static final OrgSettingsResource DEFAULTS =
            new OrgSettingsResource(null, List.of(), List.of(), List.of(), null, null, null, List.of(), null);

    public OrgSettingsResource {
        allowedEmailDomains = copyOf(allowedEmailDomains);
        allowedRoles = copyOf(allowedRoles);
        defaultRoles = copyOf(defaultRoles);
        redirectUrls = copyOf(redirectUrls);
    }

    /** The settings after {@code change}. */
    public static OrgSettingsResource of(OrgSettingsChanged change) {
        return new OrgSettingsResource(change.displayName(), change.allowedEmailDomains(), change.allowedRoles(),
                change.defaultRoles(), change.defaultTtl(), change.maximumTtl(), change.locale(),
                change.redirectUrls(), change.maxSendsPerInvitationPerDay());
    }

    private static List<String> copyOf(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
