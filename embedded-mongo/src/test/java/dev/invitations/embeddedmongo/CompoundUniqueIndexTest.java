package dev.invitations.embeddedmongo;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A compound unique index, as the event store's {@code (aggregateIdentifier, sequenceNumber)}, on both backends:
 * it refuses a second document under a key (what makes concurrent writers of one aggregate conflict), and it
 * answers an aggregate's events from a sequence number on, over the official driver.
 */
class CompoundUniqueIndexTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void refusesASecondDocumentUnderAKeyAndAnswersRangesAfterAnEquality(boolean durable) throws Exception {
        try (var server = Backends.server(durable);
             var client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("test").getCollection("events");
            events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"),
                    new IndexOptions().unique(true));
            for (String aggregate : List.of("a", "b")) {
                for (long sequence = 0; sequence < 4; sequence++) {
                    events.insertOne(new Document("aggregateIdentifier", aggregate).append("sequenceNumber", sequence));
                }
            }

            assertThatThrownBy(() -> events.insertOne(new Document("aggregateIdentifier", "a")
                    .append("sequenceNumber", 2L)))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            duplicate -> assertThat(duplicate.getCode()).isEqualTo(11000));
            assertThatThrownBy(() -> events.insertOne(new Document("_id", events.find().first().get("_id"))
                    .append("aggregateIdentifier", "c").append("sequenceNumber", 0L)))
                    .isInstanceOf(MongoWriteException.class);
            // a document keeps its own key when something else of it changes
            events.updateOne(Filters.and(Filters.eq("aggregateIdentifier", "a"), Filters.eq("sequenceNumber", 1L)),
                    Updates.set("payload", "changed"));

            List<Long> fromTwo = new ArrayList<>();
            events.find(Filters.and(Filters.eq("aggregateIdentifier", "a"), Filters.gte("sequenceNumber", 2L)))
                    .sort(Sorts.ascending("sequenceNumber"))
                    .forEach(event -> fromTwo.add(event.getLong("sequenceNumber")));
            assertThat(fromTwo).containsExactly(2L, 3L);
            assertThat(events.countDocuments()).isEqualTo(8);
        }
    }

    @Test
    void isRebuiltFromTheDocumentsWhenTheDurableServerStartsAgain() throws Exception {
        Path file = Files.createTempDirectory("compound-unique-index").resolve("data.mv.db");
        try (var server = EmbeddedMongoServer.durable(file, "127.0.0.1", 0);
             var client = MongoClients.create(server.connectionString())) {
            var events = client.getDatabase("test").getCollection("events");
            events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"),
                    new IndexOptions().unique(true));
            events.insertOne(new Document("aggregateIdentifier", "a").append("sequenceNumber", 0L));
        }
        try (var server = EmbeddedMongoServer.durable(file, "127.0.0.1", 0);
             var client = MongoClients.create(server.connectionString())) {
            var events = client.getDatabase("test").getCollection("events");

            assertThatThrownBy(() -> events.insertOne(new Document("aggregateIdentifier", "a")
                    .append("sequenceNumber", 0L))).isInstanceOf(MongoWriteException.class);
            assertThat(events.find(Filters.and(Filters.eq("aggregateIdentifier", "a"),
                    Filters.gte("sequenceNumber", 0L))).into(new ArrayList<>())).hasSize(1);
        }
    }
}
