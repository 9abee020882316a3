package dev.invitations.system;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the event store directly: the oracle for "every acknowledged create was stored", and for what was. */
final class StoredEvents {

    /** One stored event: its id, its invitation, its sequence number there and its type's simple name. */
    record StoredEvent(String id, String invitationId, long sequence, String type) {
    }

    private StoredEvents() {
    }

    /** The ids of every invitation whose creation event is in the event store. */
    static Set<String> createdInvitations(String mongoUri) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            Set<String> ids = new HashSet<>();
            client.getDatabase("invitations").getCollection("domainevents")
                    .find(Filters.eq("sequenceNumber", 0L))
                    .forEach(event -> ids.add(event.getString("aggregateIdentifier")));
            return ids;
        }
    }

    /** Every event in the event store. */
    static List<StoredEvent> all(String mongoUri) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            List<StoredEvent> events = new ArrayList<>();
            client.getDatabase("invitations").getCollection("domainevents").find().forEach(event -> {
                String type = event.getString("payloadType");
                events.add(new StoredEvent(event.getString("eventIdentifier"), event.getString("aggregateIdentifier"),
                        event.getLong("sequenceNumber"), type.substring(type.lastIndexOf('.') + 1)));
            });
            return events;
        }
    }
}
