package dev.invitations.query.settings;

import dev.invitations.resource.OrgSettingsResource;
import org.springframework.data.annotation.Id;

/** A document of the {@code org_settings} view: an org's settings and their version (the number of changes). */
record OrgSettingsDocument(@Id String orgId, long version, OrgSettingsResource settings) {
}
