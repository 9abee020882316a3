package dev.invitations.embeddedmongo;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MongoDB's {@code top} admin command, asked through the official driver, counts each collection's operations on
 * both backends: an insert command once, an update or delete statement once, {@code findAndModify} as an update,
 * and the counts go on across a compaction.
 */
class TopCountsOperationsPerCollectionTest {

    private static final String INVITATIONS = "bench.invitations";
    private static final String CLAIMS = "bench.claims";
    private static final List<String> FIELDS = List.of("total", "readLock", "writeLock", "queries", "getmore",
            "insert", "update", "remove", "commands");

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void topCountsEveryCollectionsOperations(boolean durable) {
        try (var server = Backends.server(durable);
             var client = MongoClients.create(server.connectionString())) {
            var database = client.getDatabase("bench");
            MongoCollection<Document> invitations = database.getCollection("invitations");
            MongoCollection<Document> claims = database.getCollection("claims");
            Document before = top(client);

            invitations.insertOne(new Document("_id", "i1").append("state", "sent"));
            invitations.insertMany(List.of(new Document("_id", "i2"), new Document("_id", "i3"),
                    new Document("_id", "i4")));
            invitations.updateOne(Filters.eq("_id", "i1"), Updates.set("state", "opened"));
            invitations.updateOne(Filters.eq("_id", "i2"), Updates.set("state", "sent"));
            invitations.findOneAndUpdate(Filters.eq("_id", "i3"), Updates.set("state", "sent"));
            invitations.deleteOne(Filters.eq("_id", "i4"));
            assertThat(invitations.find(Filters.eq("_id", "i1")).first()).containsEntry("state", "opened");
            assertThat(invitations.find().batchSize(2).into(new ArrayList<>())).hasSize(3);
            database.runCommand(new Document(CompactCommand.NAME, "invitations"));

            claims.insertOne(new Document("_id", "c1").append("taken", 0));
            claims.insertOne(new Document("_id", "c2").append("taken", 0));
            claims.findOneAndUpdate(Filters.eq("_id", "c1"), Updates.inc("taken", 1));
            claims.findOneAndUpdate(Filters.eq("_id", "c1"), Updates.inc("taken", 1));
            claims.bulkWrite(List.of(new UpdateOneModel<>(Filters.eq("_id", "c1"), Updates.inc("taken", 1)),
                    new UpdateOneModel<>(Filters.eq("_id", "c2"), Updates.inc("taken", 1))));
            claims.deleteMany(Filters.eq("_id", "c2"));
            assertThat(claims.countDocuments()).isEqualTo(1);

            Document after = top(client);
            assertThat(after.get("totals", Document.class).getString("note")).isEqualTo("all times in microseconds");
            assertThat(after.get("ok", Number.class).intValue()).isEqualTo(1);
            assertThat(counts(before, after, INVITATIONS)).isEqualTo(Map.of(
                    "insert", 2L, "update", 3L, "remove", 1L, "queries", 2L, "getmore", 1L, "commands", 1L,
                    "writeLock", 7L, "readLock", 3L, "total", 10L));
            assertThat(counts(before, after, CLAIMS)).isEqualTo(Map.of(
                    "insert", 2L, "update", 4L, "remove", 1L, "queries", 0L, "getmore", 0L, "commands", 1L,
                    "writeLock", 7L, "readLock", 1L, "total", 8L));
            for (String namespace : List.of(INVITATIONS, CLAIMS)) {
                Document usage = after.get("totals", Document.class).get(namespace, Document.class);
                assertThat(time(usage, "total")).isEqualTo(time(usage, "readLock") + time(usage, "writeLock"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void onlyTheAdminDatabaseAnswersTop(boolean durable) {
        try (var server = Backends.server(durable);
             var client = MongoClients.create(server.connectionString())) {
            assertThatThrownBy(() -> client.getDatabase("bench").runCommand(new Document("top", 1)))
                    .isInstanceOf(MongoCommandException.class);
        }
    }

    private static Document top(MongoClient client) {
        return client.getDatabase("admin").runCommand(new Document("top", 1));
    }

    /** Each field's count in {@code after} less the one in {@code before}, where a collection not yet there is 0. */
    private static Map<String, Long> counts(Document before, Document after, String namespace) {
        Document then = before.get("totals", Document.class).get(namespace, Document.class);
        Document now = after.get("totals", Document.class).get(namespace, Document.class);
        assertThat(now).as(namespace).isNotNull().containsOnlyKeys(FIELDS);
        return FIELDS.stream().collect(Collectors.toMap(field -> field,
                field -> count(now, field) - (then == null ? 0 : count(then, field))));
    }

    private static long count(Document usage, String field) {
        return usage.get(field, Document.class).get("count", Number.class).longValue();
    }

    private static long time(Document usage, String field) {
        return usage.get(field, Document.class).get("time", Number.class).longValue();
    }
}
