package dev.invitations.system;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import java.util.HashSet;
import java.util.Set;

/** Reads the event store directly: the oracle for "every acknowledged create was stored". */
final class StoredEvents {

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
}
