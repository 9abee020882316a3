package dev.invitations.embeddedmongo;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value replaced or deleted stays in the durable server's file until MongoDB's {@code compact} command rewrites
 * it; after that no byte of the file holds it, while the current documents are all still there.
 */
class CompactionLeavesNoOldCopiesTest {

    private static final String ERASED = "erased.person@example.com";
    private static final String KEPT = "kept.person@example.com";

    @TempDir
    Path dir;

    @Test
    void compactRewritesTheFileWithoutReplacedOrDeletedValues() throws IOException {
        Path file = dir.resolve("data.mv.db");
        try (var server = EmbeddedMongoServer.durable(file, "127.0.0.1", 0);
             var client = MongoClients.create(server.connectionString())) {
            var database = client.getDatabase("invitations");
            var views = database.getCollection("views");
            var claims = database.getCollection("claims");
            views.insertMany(IntStream.range(0, 200)
                    .mapToObj(i -> new Document("_id", "view-" + i).append("email", i == 7 ? ERASED : KEPT)
                            .append("padding", "p".repeat(300)))
                    .toList());
            claims.insertOne(new Document("_id", ERASED));
            views.updateOne(Filters.eq("_id", "view-7"), Updates.set("email", null));
            claims.deleteOne(Filters.eq("_id", ERASED));

            assertThat(fileContains(file, ERASED)).as("old versions before compact").isTrue();

            Document answer = database.runCommand(new Document("compact", "views"));
            database.runCommand(new Document("compact", "claims"));

            assertThat(answer.get("ok", Number.class).intValue()).isEqualTo(1);
            assertThat(fileContains(file, ERASED)).as("after compact").isFalse();
            assertThat(fileContains(file, KEPT)).isTrue();
            assertThat(views.countDocuments()).isEqualTo(200);
        }
        try (var server = EmbeddedMongoServer.durable(file, "127.0.0.1", 0);
             var client = MongoClients.create(server.connectionString())) {
            var views = client.getDatabase("invitations").getCollection("views");
            assertThat(views.countDocuments(Filters.eq("email", KEPT))).isEqualTo(199);
            assertThat(views.find(Filters.eq("_id", "view-7")).first()).containsEntry("email", null);
        }
    }

    @Test
    void theInMemoryServerAnswersCompactToo() {
        try (var server = EmbeddedMongoServer.inMemory();
             var client = MongoClients.create(server.connectionString())) {
            Document answer = client.getDatabase("invitations").runCommand(new Document("compact", "views"));
            assertThat(answer.get("ok", Number.class).intValue()).isEqualTo(1);
        }
    }

    private static boolean fileContains(Path file, String value) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(value);
    }
}
