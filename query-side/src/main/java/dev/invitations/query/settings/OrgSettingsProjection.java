package dev.invitations.query.settings;

import dev.invitations.api.org.OrgSettingsChanged;
import dev.invitations.query.invitation.InvitationViewProjection;
import dev.invitations.resource.OrgSettingsResource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Builds the {@code org_settings} view. Each change holds all the settings, so it replaces the org's document. It is
 * one of the views (their processing group), so a rebuild of the views drops and replays it too.
 */
@Component
@ProcessingGroup(InvitationViewProjection.PROCESSING_GROUP)
class OrgSettingsProjection {

    private final StoredOrgSettings settings;

    OrgSettingsProjection(StoredOrgSettings settings) {
        this.settings = settings;
    }

    @EventHandler
    void on(OrgSettingsChanged change, DomainEventMessage<?> event) {
        // the first change is event 0 of the org's settings stream, and version 1: version 0 is no change at all
        settings.save(change.orgId(), event.getSequenceNumber() + 1, OrgSettingsResource.of(change));
    }

    @ResetHandler
    void dropViews() {
        settings.deleteAll();
    }
}
