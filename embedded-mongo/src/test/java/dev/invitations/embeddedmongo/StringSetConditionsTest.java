package dev.invitations.embeddedmongo;

import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code $in} and {@code $nin} over long lists of strings, which the server matches by hash lookups, find what the
 * stock matcher finds: for string values, and for arrays, numbers, nulls and missing fields, which it leaves to the
 * stock matcher.
 */
class StringSetConditionsTest {

    /** Ids 0-39 as strings; long enough to be looked up in a set. */
    private static final List<String> LISTED = IntStream.range(0, 40).mapToObj(StringSetConditionsTest::id).toList();

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void longListsOfStringsMatchAsTheStockMatcherDoes(boolean durable) {
        try (var server = Backends.server(durable);
             var client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("test").getCollection("events");
            events.createIndex(Indexes.ascending("timestamp"));
            events.insertMany(events());

            // the tracking query: a range on the index and the ids already seen
            assertFinds(events, Filters.and(Filters.gte("timestamp", 45), Filters.nin("eventIdentifier", LISTED)),
                    List.of("e45", "e46", "e47", "e48", "e49", "e50", "e51", "e52", "e53", "e54", "e55", "e56",
                            "e57", "e58", "e59"));
            assertFinds(events, Filters.nin("eventIdentifier", LISTED),
                    List.of("e40", "e41", "e42", "e43", "e44", "e45", "e46", "e47", "e48", "e49",
                            "e50", "e51", "e52", "e53", "e54", "e55", "e56", "e57", "e58", "e59",
                            "array-without", "number", "null", "missing"));
            assertFinds(events, Filters.and(Filters.in("eventIdentifier", LISTED), Filters.lt("timestamp", 5)),
                    List.of("e00", "e01", "e02", "e03", "e04", "array-with"));
            // another condition on the same field, in another clause, still holds
            assertFinds(events, Filters.and(Filters.in("eventIdentifier", LISTED),
                    Filters.regex("eventIdentifier", "^id-3")), List.of("e03", "e30", "e31", "e32", "e33", "e34",
                    "e35", "e36", "e37", "e38", "e39", "array-with"));
        }
    }

    private static void assertFinds(MongoCollection<Document> events, Bson filter, List<String> names) {
        assertThat(events.find(filter).sort(Sorts.ascending("name")).map(event -> event.getString("name"))
                .into(new ArrayList<>())).as("%s", filter).containsExactlyElementsOf(names.stream().sorted().toList());
    }

    /** e00-e59 with their ids as strings, at timestamps 0-59; then odd values under the id, at timestamp 20. */
    private static List<Document> events() {
        List<Document> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            events.add(new Document("name", String.format("e%02d", i)).append("eventIdentifier", id(i))
                    .append("timestamp", i));
        }
        events.add(new Document("name", "array-with").append("eventIdentifier", List.of("x", id(3)))
                .append("timestamp", 3));
        events.add(new Document("name", "array-without").append("eventIdentifier", List.of("x", "y"))
                .append("timestamp", 20));
        events.add(new Document("name", "number").append("eventIdentifier", 7).append("timestamp", 20));
        events.add(new Document("name", "null").append("eventIdentifier", null).append("timestamp", 20));
        events.add(new Document("name", "missing").append("timestamp", 20));
        return events;
    }

    private static String id(int i) {
        return "id-" + i;
    }
}
