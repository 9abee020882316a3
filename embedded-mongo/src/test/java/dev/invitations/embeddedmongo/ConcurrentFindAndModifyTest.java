package dev.invitations.embeddedmongo;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counters taken concurrently with {@code findOneAndUpdate} ({@code $inc}, answering the new value), as the event
 * store numbers its events: every caller is answered its own value, on both backends.
 */
class ConcurrentFindAndModifyTest {

    private static final int CALLERS = 4;
    private static final int TAKES_EACH = 300;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyCallerIsAnsweredTheValueItsOwnIncrementMade(boolean durable) {
        try (var server = Backends.server(durable);
             var client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> counters = client.getDatabase("test").getCollection("counters");
            counters.insertOne(new Document("_id", "events").append("last", 0L));
            List<Long> answered = new CopyOnWriteArrayList<>();

            CompletableFuture.allOf(IntStream.range(0, CALLERS).mapToObj(caller -> CompletableFuture.runAsync(() -> {
                for (int i = 0; i < TAKES_EACH; i++) {
                    answered.add(counters.findOneAndUpdate(eq("_id", "events"), Updates.inc("last", 1L),
                            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)).getLong("last"));
                }
            })).toArray(CompletableFuture[]::new)).join();

            assertThat(answered).doesNotHaveDuplicates().hasSize(CALLERS * TAKES_EACH);
            assertThat(counters.find().first().getLong("last")).isEqualTo(CALLERS * TAKES_EACH);
        }
    }
}
