package dev.invitations.query.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitations.api.org.OrgSettingsChanged;
import dev.invitations.query.QueryProperties;
import dev.invitations.query.invitation.HistoryEntry;
import dev.invitations.resource.OrgSettingsResource;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

import java.util.List;

/** The reads of an org's settings: the view for the settings, the event store for their history. */
@Service
public class OrgSettingsQueries {

    private final StoredOrgSettings views;
    private final EventStore eventStore;
    private final ObjectMapper json;
    private final QueryProperties properties;

    OrgSettingsQueries(StoredOrgSettings views, EventStore eventStore, ObjectMapper json,
                       QueryProperties properties) {
        this.views = views;
        this.eventStore = eventStore;
        this.json = json;
        this.properties = properties;
    }

    /**
     * The org's settings, the defaults at version 0 for an org that never changed them, waiting up to
     * {@code invitations.query.min-version-wait} for the view to reach {@code minVersion} (none when null).
     */
    public VersionedOrgSettings get(String orgId, Long minVersion) {
        long deadline = System.nanoTime() + properties.minVersionWait().toNanos();
        try (var watch = views.changes().watch(orgId)) {
            while (true) {
                var stored = views.find(orgId);
                long version = stored.map(OrgSettingsDocument::version).orElse(0L);
                boolean reached = minVersion == null || version >= minVersion;
                if (reached || System.nanoTime() >= deadline || Thread.currentThread().isInterrupted()) {
                    return new VersionedOrgSettings(stored.map(OrgSettingsDocument::settings)
                            .orElse(OrgSettingsResource.DEFAULTS), version, reached);
                }
                watch.awaitChange(deadline);
            }
        }
    }

    /** Every change of the org's settings, oldest first, straight from the event store; none for an org without. */
    public List<HistoryEntry> history(String orgId) {
        return eventStore.readEvents(OrgSettingsChanged.aggregateIdentifierOf(orgId)).asStream()
                .map(event -> HistoryEntry.of(event, json))
                .toList();
    }
}
