package dev.invitations.command.settings;

import dev.invitations.api.org.OrgId;
import dev.invitations.api.org.OrgSettingsChanged;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Set all of {@code orgId}'s settings to {@code settings} (a replacement, as a {@code PUT} is). {@code actor} is the
 * authenticated caller.
 *
 * @param expectedVersion the settings' version the caller saw ({@code If-Match}; 0: none stored yet), or
 *                        {@code null} for whatever they are now
 */
public record ChangeOrgSettings(OrgId orgId, OrgPolicy settings, String actor, Long expectedVersion) {

    @TargetAggregateIdentifier
    public String settingsId() {
        return OrgSettingsChanged.aggregateIdentifierOf(orgId.value());
    }
}
