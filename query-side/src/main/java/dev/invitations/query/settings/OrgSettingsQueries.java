package dev.invitations.query.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitations.api.org.OrgSettingsChanged;
import dev.invitations.query.QueryProperties;
import dev.invitations.query.invitation.HistoryEntry;
import dev.invitations.resource.OrgSettingsResource;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

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
        if (minVersion == null) {
            return versioned(views.find(orgId), true);
        }
        long deadline = System.nanoTime() + properties.minVersionWait().toNanos();
        try (var watch = views.changes().watch(orgId)) {
            while (true) {
                var stored = views.find(orgId);
                boolean reached = versionOf(stored) >= minVersion;
                if (reached || System.nanoTime() >= deadline || Thread.currentThread().isInterrupted()) {
                    return versioned(stored, reached);
                }
                watch.awaitChange(deadline);
            }
        }
    }

    private static long versionOf(Optional<OrgSettingsDocument> stored) {
        return stored.map(OrgSettingsDocument::version).orElse(0L);
    }

    private static VersionedOrgSettings versioned(Optional<OrgSettingsDocument> stored, boolean reached) {
        return new VersionedOrgSettings(stored.map(OrgSettingsDocument::settings).orElse(OrgSettingsResource.DEFAULTS),
                versionOf(stored), reached);
    }

    /** Every change of the org's settings, oldest first, straight from the event store; none for an org without. */
    public List<HistoryEntry> history(String orgId) {
        return eventStore.readEvents(OrgSettingsChanged.aggregateIdentifierOf(orgId)).asStream()
                .map(event -> HistoryEntry.of(event, json))
                .toList();
    }
}
