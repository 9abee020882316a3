package dev.invitations.embeddedmongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScript;
import org.bson.BsonMaxKey;
import org.bson.BsonMinKey;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.BsonValue;
import org.bson.UuidRepresentation;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The durable server stores documents as BSON and ObjectId keys as their bytes: every value type a client can send
 * comes back with its exact type and value, and documents under keys of any type in the same order, after the
 * server was closed and started again on the same file.
 */
class DurableDocumentsRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void everyValueTypeComesBackAfterARestart() {
        Path file = dir.resolve("data.mv.db");
        BsonDocument everyType = everyType();
        // enough documents for several pages, one of them changed after it was stored
        List<BsonDocument> others = IntStream.range(0, 300)
                .mapToObj(i -> new BsonDocument("_id", new BsonString("other-" + i)).append("n", new BsonInt32(i))
                        .append("payload", new BsonString("x".repeat(400))))
                .toList();
        List<BsonDocument> stored;
        try (var server = EmbeddedMongoServer.durable(file, "127.0.0.1", 0);
             var client = MongoClients.create(server.connectionString())) {
            MongoCollection<BsonDocument> documents = collection(client);
            documents.insertOne(everyType);
            documents.insertMany(others);
            documents.updateOne(Filters.eq("_id", "other-7"), Updates.combine(Updates.inc("n", 1L),
                    Updates.set("nested.added", List.of(1, "two"))));
            stored = documents.find().into(new ArrayList<>());
        }
        assertThat(stored).hasSize(301).contains(everyType);

        try (var server = EmbeddedMongoServer.durable(file, "127.0.0.1", 0);
             var client = MongoClients.create(server.connectionString())) {
            MongoCollection<BsonDocument> documents = collection(client);

            assertThat(documents.find().into(new ArrayList<>())).containsExactlyElementsOf(stored);
            assertThat(documents.find(Filters.eq("_id", "other-7")).first())
                    .isEqualTo(new BsonDocument("_id", new BsonString("other-7")).append("n", new BsonInt64(8))
                            .append("payload", new BsonString("x".repeat(400)))
                            .append("nested", new BsonDocument("added",
                                    new BsonArray(List.of(new BsonInt32(1), new BsonString("two"))))));
        }
    }

    @Test
    void keysOfEveryTypeComeBackInTheSameOrderAfterARestart() {
        Path file = dir.resolve("data.mv.db");
        List<BsonValue> ids = new ArrayList<>(List.of(new BsonString("b"), new BsonString("a"), new BsonInt32(-3),
                new BsonInt64(1L << 40), new BsonDouble(2.5), new BsonDocument("tenant", new BsonString("t1")),
                new BsonBinary(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"), UuidRepresentation.STANDARD),
                new BsonObjectId(new ObjectId("ff0000000000000000000000")),
                new BsonObjectId(new ObjectId("000000000000000000000000"))));
        // enough ObjectIds, as a driver makes them, for keys in the pages above the documents too
        IntStream.range(0, 300).forEach(i -> ids.add(new BsonObjectId()));
        Collections.shuffle(ids, new Random(7));
        List<BsonValue> idsInStoredOrder;
        try (var server = EmbeddedMongoServer.durable(file, "127.0.0.1", 0);
             var client = MongoClients.create(server.connectionString())) {
            MongoCollection<BsonDocument> documents = collection(client);
            ids.forEach(id -> documents.insertOne(new BsonDocument("_id", id)));
            idsInStoredOrder = documents.find().map(document -> document.get("_id")).into(new ArrayList<>());
        }
        assertThat(idsInStoredOrder).containsExactlyInAnyOrderElementsOf(ids);

        try (var server = EmbeddedMongoServer.durable(file, "127.0.0.1", 0);
             var client = MongoClients.create(server.connectionString())) {
            MongoCollection<BsonDocument> documents = collection(client);

            assertThat(documents.find().map(document -> document.get("_id")).into(new ArrayList<>()))
                    .containsExactlyElementsOf(idsInStoredOrder);
            for (BsonValue id : ids) {
                assertThat(documents.find(Filters.eq("_id", id)).first()).as("document %s", id).isNotNull();
            }
        }
    }

    private static MongoCollection<BsonDocument> collection(MongoClient client) {
        return client.getDatabase("test").getCollection("documents", BsonDocument.class);
    }

    /** One field of each BSON type the server keeps, with edge values where a type has them. */
    private static BsonDocument everyType() {
        UUID uuid = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        return new BsonDocument("_id", new BsonObjectId(new ObjectId("65f1c0ffee0000000000abcd")))
                .append("string", new BsonString("plain"))
                .append("emptyString", new BsonString(""))
                .append("unicode", new BsonString("grüße, 日本, 🎉"))
                .append("int32", new BsonInt32(Integer.MIN_VALUE))
                .append("int64", new BsonInt64(Long.MAX_VALUE))
                .append("smallInt64", new BsonInt64(1))
                .append("double", new BsonDouble(0.1))
                .append("negativeZero", new BsonDouble(-0.0))
                .append("notANumber", new BsonDouble(Double.NaN))
                .append("infinity", new BsonDouble(Double.NEGATIVE_INFINITY))
                .append("decimal128", new BsonDecimal128(new Decimal128(new BigDecimal("1234567.000890"))))
                .append("true", BsonBoolean.TRUE)
                .append("false", BsonBoolean.FALSE)
                .append("null", BsonNull.VALUE)
                .append("date", new BsonDateTime(1_714_558_530_123L))
                .append("dateBefore1970", new BsonDateTime(-86_400_001L))
                .append("objectId", new BsonObjectId(new ObjectId("65f1c0ffee0000000000beef")))
                .append("uuid", new BsonBinary(uuid, UuidRepresentation.STANDARD))
                .append("legacyUuid", new BsonBinary(uuid, UuidRepresentation.JAVA_LEGACY))
                .append("binary", new BsonBinary(BsonBinarySubType.BINARY, new byte[]{0, 1, -1, 127, -128}))
                .append("emptyBinary", new BsonBinary(new byte[0]))
                .append("timestamp", new BsonTimestamp(1_714_558_530, 7))
                .append("regex", new BsonRegularExpression("^inv-[0-9]+$", "i"))
                .append("javaScript", new BsonJavaScript("function() { return 1; }"))
                .append("minKey", new BsonMinKey())
                .append("maxKey", new BsonMaxKey())
                .append("emptyDocument", new BsonDocument())
                .append("emptyArray", new BsonArray())
                .append("nested", new BsonDocument("level", new BsonInt32(1))
                        .append("deeper", new BsonDocument("level", new BsonInt32(2))
                                .append("values", new BsonArray(List.<BsonValue>of(BsonNull.VALUE, BsonBoolean.TRUE))))
                        .append("fieldOrder", new BsonString("kept")))
                .append("array", new BsonArray(List.of(new BsonInt32(1), new BsonInt64(2), new BsonDouble(3.5),
                        new BsonString("four"), new BsonDocument("five", new BsonInt32(5)),
                        new BsonArray(List.of(new BsonString("nested"))), BsonNull.VALUE,
                        new BsonDateTime(0))));
    }
}
