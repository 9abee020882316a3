package dev.invitations.system;

import com.mongodb.client.MongoClients;
import org.bson.Document;

import java.util.Map;
import java.util.TreeMap;

/**
 * The MongoDB server's write operations so far, by collection, from the {@code top} admin command (which real
 * MongoDB and the embedded server both answer): inserts, updates (findAndModify included) and removes, from every
 * client process.
 */
final class ServerWrites {

    private ServerWrites() {
    }

    /** Write operations by {@code database.collection}. */
    static Map<String, Long> count(String mongoUri) {
        try (var client = MongoClients.create(mongoUri)) {
            Document totals = client.getDatabase("admin").runCommand(new Document("top", 1)).get("totals",
                    Document.class);
            Map<String, Long> writes = new TreeMap<>();
            totals.forEach((namespace, value) -> {
                if (value instanceof Document counts) {
                    long count = 0;
                    for (String operation : new String[] {"insert", "update", "remove"}) {
                        Document operationCounts = counts.get(operation, Document.class);
                        count += operationCounts == null ? 0 : ((Number) operationCounts.get("count")).longValue();
                    }
                    writes.put(namespace, count);
                }
            });
            return writes;
        }
    }

    /** {@code after - before}, by collection, leaving out collections that were not written. */
    static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> written = new TreeMap<>();
        after.forEach((namespace, count) -> {
            long delta = count - before.getOrDefault(namespace, 0L);
            if (delta > 0) {
                written.put(namespace, delta);
            }
        });
        return written;
    }
}
