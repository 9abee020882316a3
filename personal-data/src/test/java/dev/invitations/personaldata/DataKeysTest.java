package dev.invitations.personaldata;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.invitations.api.invitation.EmailAddress;
import dev.invitations.api.personaldata.DataSubject;
import dev.invitations.testing.MongoForTests;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DataKeysTest {

    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");
    private static final byte[] HASH_KEY = "a subject hash key of the tests, 32+ bytes".getBytes(StandardCharsets.UTF_8);

    private final MongoClient client = MongoClients.create(MongoForTests.connectionString());
    private final MongoDatabase database = client.getDatabase(MongoForTests.database("data-keys-" + UUID.randomUUID()));
    private final DataKeys keys = new DataKeys(database, HASH_KEY, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void concurrentWritersOfOneSubjectAgreeOnItsKey() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                DataSubject subject = subject("acme", "person-" + round + "@example.com");
                CountDownLatch start = new CountDownLatch(1);
                Callable<String> writer = () -> {
                    start.await();
                    return keys.keyIdFor(subject);
                };
                List<Future<String>> ids = List.of(threads.submit(writer), threads.submit(writer));
                start.countDown();

                assertThat(ids.get(0).get()).isEqualTo(ids.get(1).get());
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(database.getCollection(DataKeys.COLLECTION).countDocuments()).isEqualTo(20);
    }

    @Test
    void eachSubjectHasAKeyOfItsOwn() {
        String ann = keys.keyIdFor(subject("acme", "ann@example.com"));

        assertThat(keys.keyIdFor(subject("acme", "ann@example.com"))).isEqualTo(ann);
        assertThat(keys.keyIdFor(subject("acme", "  ANN@Example.COM "))).isEqualTo(ann);
        assertThat(keys.keyIdFor(subject("other-org", "ann@example.com"))).isNotEqualTo(ann);
        assertThat(keys.keyIdFor(subject("acme", "bob@example.com"))).isNotEqualTo(ann);
        byte[] bobsKey = keys.find(keys.keyIdFor(subject("acme", "bob@example.com"))).orElseThrow().getEncoded();
        assertThat(keys.find(ann).orElseThrow().getEncoded()).isNotEqualTo(bobsKey);
    }

    @Test
    void theStoredKeyNamesNobody() {
        DataSubject ann = subject("acme", "Ann@Example.com");
        String keyId = keys.keyIdFor(ann);

        Document stored = database.getCollection(DataKeys.COLLECTION).find().first();
        assertThat(stored.getString("_id")).isEqualTo(keyId).matches("[A-Za-z0-9_-]{22}");
        assertThat(stored.getString("subject")).isEqualTo(keys.subjectHash(ann)).matches("[A-Za-z0-9_-]{43}");
        assertThat(stored.get("key", Binary.class).getData()).hasSize(32);
        assertThat(stored.getDate("createTime").toInstant()).isEqualTo(NOW);
        assertThat(stored.toJson()).doesNotContainIgnoringCase("ann@example.com").doesNotContain("acme");
    }

    @Test
    void anInstanceForgetsACachedKeyAtOnceWhenItErasesItAndWithinTheTtlWhenAnotherDoes() {
        var now = new AtomicReference<>(NOW);
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        var caching = new DataKeys(database, HASH_KEY, moving, Duration.ofSeconds(1));
        var other = new DataKeys(database, HASH_KEY, moving, Duration.ofSeconds(1));
        DataSubject ann = subject("acme", "ann@example.com");
        DataSubject bob = subject("acme", "bob@example.com");
        String annKey = caching.keyIdFor(ann);
        String bobKey = caching.keyIdFor(bob);

        other.erase(other.subjectHash(ann));
        assertThat(caching.find(annKey)).as("cached, within the TTL").isPresent();
        now.set(NOW.plusSeconds(1));
        assertThat(caching.find(annKey)).as("past the TTL").isEmpty();
        assertThat(caching.keyIdFor(ann)).isNotEqualTo(annKey);

        caching.erase(caching.subjectHash(bob));
        assertThat(caching.find(bobKey)).as("erased here: gone at once").isEmpty();
    }

    @Test
    void theSubjectHashDependsOnTheHashKey() {
        DataSubject ann = subject("acme", "ann@example.com");
        var otherHashKey = new DataKeys(database, "another subject hash key, 32+ bytes long".getBytes(
                StandardCharsets.UTF_8), Clock.systemUTC(), Duration.ZERO);

        assertThat(keys.subjectHash(ann)).isEqualTo(keys.subjectHash(subject("acme", " ANN@example.com")))
                .isNotEqualTo(otherHashKey.subjectHash(ann))
                .isNotEqualTo(keys.subjectHash(subject("acme2", "ann@example.com")));
    }

    @Test
    void anErasedSubjectGetsANewKey() {
        DataSubject ann = subject("acme", "ann@example.com");
        String erased = keys.keyIdFor(ann);

        assertThat(keys.erase(keys.subjectHash(ann))).isTrue();
        assertThat(keys.erase(keys.subjectHash(ann))).isFalse();

        assertThat(keys.find(erased)).isEmpty();
        String renewed = keys.keyIdFor(ann);
        assertThat(renewed).isNotEqualTo(erased);
        assertThat(keys.find(renewed)).isPresent();
    }

    @Test
    void findAllAnswersTheKeysThatStillExist() {
        List<String> ids = IntStream.range(0, 3)
                .mapToObj(i -> keys.keyIdFor(subject("acme", "person-" + i + "@example.com"))).toList();
        keys.erase(keys.subjectHash(subject("acme", "person-1@example.com")));

        assertThat(keys.findAll(List.of(ids.get(0), ids.get(1), ids.get(2), "unknown")))
                .containsOnlyKeys(ids.get(0), ids.get(2));
        assertThat(keys.findAll(List.of())).isEmpty();
    }

    private static DataSubject subject(String orgId, String email) {
        return new DataSubject(orgId, new EmailAddress(email));
    }
}
