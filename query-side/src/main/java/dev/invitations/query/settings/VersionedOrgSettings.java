package dev.invitations.query.settings;

import dev.invitations.resource.OrgSettingsResource;

/**
 * An org's settings as the view holds them.
 *
 * @param version           the number of changes, 0 for an org that never changed them
 * @param reachedMinVersion false when a read for a minimum version gave up waiting for it
 */
public record VersionedOrgSettings(OrgSettingsResource settings, long version, boolean reachedMinVersion) {
}
