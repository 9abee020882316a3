package dev.invitations.command.storage;

import dev.invitations.api.org.OrgId;
import dev.invitations.api.org.OrgSettingsChanged;
import dev.invitations.command.settings.OrgPolicies;
import dev.invitations.command.settings.OrgPolicy;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Orgs' settings as their streams in the event store say they are now: what the settings API answers after a
 * change, and the policy the invitation commands obey. Each change holds all the settings, so the last one is read,
 * not the whole stream: two reads per org, however often its settings changed.
 */
@Component
public class OrgSettingsStreams implements OrgPolicies {

    private final EventStore eventStore;

    public OrgSettingsStreams(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The org's latest settings and their version; empty when it never changed them (version 0). */
    public Optional<CurrentOrgSettings> find(OrgId orgId) {
        String stream = OrgSettingsChanged.aggregateIdentifierOf(orgId.value());
        return eventStore.lastSequenceNumberFor(stream).flatMap(last -> {
            CurrentOrgSettings latest = null;
            // events stored since the sequence number was read come along: the newest wins
            for (var events = eventStore.readEvents(stream, last); events.hasNext(); ) {
                var event = events.next();
                if (event.getPayload() instanceof OrgSettingsChanged change) {
                    latest = new CurrentOrgSettings(change, event.getSequenceNumber() + 1);
                }
            }
            return Optional.ofNullable(latest);
        });
    }

    @Override
    public OrgPolicy current(OrgId orgId) {
        return find(orgId).map(stored -> OrgPolicy.of(stored.settings())).orElse(OrgPolicy.DEFAULTS);
    }

    /**
     * @param settings the last change, which holds all the settings
     * @param version  the number of changes: the settings' {@code ETag}
     */
    public record CurrentOrgSettings(OrgSettingsChanged settings, long version) {
    }
}
