package dev.invitations.embeddedmongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import static java.util.Comparator.comparing;
import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsFirst;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries sorted in an ordered index's own order, which the server reads from the index in that order and only as
 * far as a page needs, over the official driver: the same documents in the same order as filtering and sorting all
 * documents here gives, on both backends and after the durable one restarted. Sorts the index cannot answer (another
 * key, mixed directions, arrays under a key) come back sorted all the same.
 */
class SortInIndexOrderTest {

    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");
    /** {skip, limit} pairs; a limit of 0 is none. */
    private static final int[][] PAGES = {{0, 0}, {0, 1}, {0, 7}, {5, 20}, {1_000, 5}};

    private static final List<Document> INVITATIONS = invitations();
    private static final List<Document> EVENTS = events();
    private static final List<Document> RANKED = ranked();
    private static final List<Document> SCORES = scores();

    enum Backend { MEMORY, DURABLE, DURABLE_RESTARTED }

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theQuerySidesPagesAfterTheOrgNewestOrOldestFirst(Backend backend) {
        try (var served = serve(backend)) {
            var invitations = served.database.getCollection("invitations");
            String before = time(60);
            String after = time(30);
            Set<String> creators = Set.of("ann", "bob");
            Set<String> states = Set.of("PENDING", "ACCEPTED");

            assertFinds(invitations, INVITATIONS,
                    Filters.and(Filters.eq("orgId", "org-1"), Filters.in("state", states),
                            Filters.lte("createTime", before),
                            Filters.or(Filters.eq("creator", "ann"), Filters.eq("creator", "bob"))),
                    invitation -> invitation.get("orgId").equals("org-1") && states.contains(invitation.get("state"))
                            && createTime(invitation) != null && createTime(invitation).compareTo(before) <= 0
                            && creators.contains(invitation.get("creator")),
                    Sorts.descending("createTime", "_id"), newestFirst());
            List<String> shown = List.of("inv-0001", "inv-0002", "inv-0004", "inv-0005");
            assertFinds(invitations, INVITATIONS,
                    Filters.and(Filters.eq("orgId", "org-2"), Filters.gt("createTime", after),
                            Filters.nin("_id", shown)),
                    invitation -> invitation.get("orgId").equals("org-2")
                            && createTime(invitation) != null && createTime(invitation).compareTo(after) > 0
                            && !shown.contains(invitation.get("_id")),
                    Sorts.ascending("createTime", "_id"), newestFirst().reversed());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void missingAndNullValuesSortFirstAscendingAndLastDescending(Backend backend) {
        try (var served = serve(backend)) {
            var invitations = served.database.getCollection("invitations");
            Predicate<Document> ofOrg3 = invitation -> invitation.get("orgId").equals("org-3");

            // the org, fixed by the query, may be among the sort's keys: every match holds the same value there
            assertFinds(invitations, INVITATIONS, Filters.eq("orgId", "org-3"), ofOrg3,
                    Sorts.orderBy(Sorts.ascending("orgId"), Sorts.descending("createTime", "_id")), newestFirst());
            assertFinds(invitations, INVITATIONS, Filters.eq("orgId", "org-3"), ofOrg3,
                    Sorts.ascending("createTime", "_id"), newestFirst().reversed());
            // by createTime alone, documents at the same time come in no particular order: compare the times
            for (int[] page : PAGES) {
                List<String> times = invitations.find(Filters.eq("orgId", "org-3"))
                        .sort(Sorts.descending("createTime")).skip(page[0]).limit(page[1])
                        .map(SortInIndexOrderTest::createTime).into(new ArrayList<>());
                assertThat(times).containsExactlyElementsOf(expected(INVITATIONS, ofOrg3,
                        comparing(SortInIndexOrderTest::createTime, nullsFirst(naturalOrder())).reversed(), page)
                        .stream().map(SortInIndexOrderTest::createTime).toList());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void numbersOfEveryTypeSortByValue(Backend backend) {
        try (var served = serve(backend)) {
            Comparator<Document> byRank = comparing((Document ranked) -> rank(ranked), nullsFirst(naturalOrder()))
                    .thenComparing(ranked -> ranked.getString("_id"));

            assertFinds(served.database.getCollection("ranked"), RANKED,
                    Filters.and(Filters.eq("group", "g"), Filters.lt("rank", 4)),
                    ranked -> ranked.get("group").equals("g") && rank(ranked) != null && rank(ranked) < 4,
                    Sorts.descending("rank", "_id"), byRank.reversed());
            assertFinds(served.database.getCollection("ranked"), RANKED, Filters.eq("group", "g"),
                    ranked -> ranked.get("group").equals("g"),
                    Sorts.ascending("rank", "_id"), byRank);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTrackingProcessorTailsTheEventsByTimestampAndSequenceNumber(Backend backend) {
        try (var served = serve(backend)) {
            var events = served.database.getCollection("events");
            String from = START.plusSeconds(40).toString();
            List<String> seen = List.of("event-0081", "event-0082", "event-0090");
            Comparator<Document> inTimeOrder = comparing((Document event) -> event.getString("timestamp"))
                    .thenComparing(event -> event.getLong("sequenceNumber"));

            assertFinds(events, EVENTS,
                    Filters.and(Filters.gte("timestamp", from), Filters.nin("eventIdentifier", seen)),
                    event -> event.getString("timestamp").compareTo(from) >= 0
                            && !seen.contains(event.getString("eventIdentifier")),
                    Sorts.ascending("timestamp", "sequenceNumber"), inTimeOrder);
            assertFinds(events, EVENTS, Filters.lt("timestamp", from),
                    event -> event.getString("timestamp").compareTo(from) < 0,
                    Sorts.descending("timestamp", "sequenceNumber"), inTimeOrder.reversed());
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void sortsTheIndexCannotAnswerAreSortedAllTheSame(Backend backend) {
        try (var served = serve(backend)) {
            var invitations = served.database.getCollection("invitations");
            Predicate<Document> ofOrg1 = invitation -> invitation.get("orgId").equals("org-1");

            // a key that is not the index's next one
            assertFinds(invitations, INVITATIONS, Filters.eq("orgId", "org-1"), ofOrg1,
                    Sorts.ascending("state", "_id"),
                    comparing((Document invitation) -> invitation.getString("state"))
                            .thenComparing(invitation -> invitation.getString("_id")));
            // mixed directions
            assertFinds(invitations, INVITATIONS, Filters.eq("orgId", "org-1"), ofOrg1,
                    Sorts.orderBy(Sorts.descending("createTime"), Sorts.ascending("_id")),
                    comparing(SortInIndexOrderTest::createTime, nullsFirst(naturalOrder())).reversed()
                            .thenComparing(invitation -> invitation.getString("_id")));
            // an array sorts by its least element ascending and its greatest descending, whichever one matched
            var scores = served.database.getCollection("scores");
            assertFinds(scores, SCORES, Filters.and(Filters.eq("group", "g"), Filters.gte("score", 5)),
                    scored -> scoresOf(scored).stream().anyMatch(score -> score >= 5),
                    Sorts.ascending("score"), comparing(scored -> Collections.min(scoresOf(scored))));
            assertFinds(scores, SCORES, Filters.and(Filters.eq("group", "g"), Filters.lte("score", 40)),
                    scored -> scoresOf(scored).stream().anyMatch(score -> score <= 40),
                    Sorts.descending("score"), comparing((Document scored) -> Collections.max(scoresOf(scored)))
                            .reversed());
        }
    }

    /** For every page: the documents the query finds are those {@code order} puts first among the matching ones. */
    private static void assertFinds(MongoCollection<Document> collection, List<Document> all, Bson filter,
                                    Predicate<Document> matches, Bson sort, Comparator<Document> order) {
        // more matches than the first pages take: the pages cut the order short
        assertThat(all.stream().filter(matches).count()).as("matches of %s", filter).isGreaterThan(25);
        for (int[] page : PAGES) {
            // a small batch size: a page also comes through further batches of its cursor
            List<Document> found = collection.find(filter).sort(sort).skip(page[0]).limit(page[1]).batchSize(4)
                    .into(new ArrayList<>());
            assertThat(found).as("%s sorted by %s, skip %d, limit %d", filter, sort, page[0], page[1])
                    .containsExactlyElementsOf(expected(all, matches, order, page));
        }
    }

    private static List<Document> expected(List<Document> all, Predicate<Document> matches,
                                           Comparator<Document> order, int[] page) {
        return all.stream().filter(matches).sorted(order).skip(page[0])
                .limit(page[1] == 0 ? Long.MAX_VALUE : page[1]).toList();
    }

    /** A server holding the test's collections, with their indexes created before the documents came. */
    private Served serve(Backend backend) {
        Path file = dir.resolve("data.mv.db");
        var served = new Served(backend == Backend.MEMORY ? EmbeddedMongoServer.inMemory()
                : EmbeddedMongoServer.durable(file, "127.0.0.1", 0));
        var database = served.database;
        database.getCollection("invitations").createIndex(Indexes.compoundIndex(Indexes.ascending("orgId"),
                Indexes.descending("createTime", "_id")), new IndexOptions().name("org-newest-first"));
        database.getCollection("events").createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"),
                new IndexOptions().unique(true));
        database.getCollection("events").createIndex(Indexes.ascending("timestamp", "sequenceNumber"));
        database.getCollection("ranked").createIndex(Indexes.ascending("group", "rank", "_id"));
        database.getCollection("scores").createIndex(Indexes.ascending("group", "score"));
        database.getCollection("invitations").insertMany(copies(INVITATIONS));
        database.getCollection("events").insertMany(copies(EVENTS));
        database.getCollection("ranked").insertMany(copies(RANKED));
        database.getCollection("scores").insertMany(copies(SCORES));
        if (backend != Backend.DURABLE_RESTARTED) {
            return served;
        }
        served.close();
        return new Served(EmbeddedMongoServer.durable(file, "127.0.0.1", 0));
    }

    private static final class Served implements AutoCloseable {

        final EmbeddedMongoServer server;
        final MongoClient client;
        final MongoDatabase database;

        Served(EmbeddedMongoServer server) {
            this.server = server;
            this.client = MongoClients.create(server.connectionString());
            this.database = client.getDatabase("test");
        }

        @Override
        public void close() {
            client.close();
            server.close();
        }
    }

    /** Three orgs' invitations, many at the same time, a few without a time (null or missing). */
    private static List<Document> invitations() {
        var random = new Random(7);
        List<String> creators = List.of("ann", "bob", "cid");
        List<String> states = List.of("PENDING", "ACCEPTED", "REVOKED");
        List<Document> invitations = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            var invitation = new Document("_id", String.format("inv-%04d", i))
                    .append("orgId", "org-" + (1 + random.nextInt(3)))
                    .append("state", states.get(random.nextInt(states.size())))
                    .append("creator", creators.get(random.nextInt(creators.size())));
            if (i % 23 == 0) {
                invitation.append("createTime", null);
            } else if (i % 19 != 0) {
                invitation.append("createTime", time(random.nextInt(90)));
            }
            invitations.add(invitation);
        }
        return invitations;
    }

    /** Events of aggregates of four; two a second, with different sequence numbers. */
    private static List<Document> events() {
        List<Document> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            events.add(new Document("_id", "event-" + String.format("%04d", i))
                    .append("eventIdentifier", "event-" + String.format("%04d", i))
                    .append("aggregateIdentifier", "aggregate-" + i / 4)
                    .append("sequenceNumber", (long) (i % 4))
                    .append("timestamp", START.plusSeconds(i / 2).toString()));
        }
        return events;
    }

    /** Ranks as int, long and double, equal values of different types among them, and null or missing ones. */
    private static List<Document> ranked() {
        List<Object> ranks = List.of(1, 2L, 2.5, 3, 1.0, 4L, -1.5, 3.0, 2);
        List<Document> ranked = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            var document = new Document("_id", String.format("r-%02d", i)).append("group", i % 10 == 9 ? "h" : "g");
            if (i % 11 == 0) {
                document.append("rank", null);
            } else if (i % 13 != 0) {
                document.append("rank", ranks.get(i % ranks.size()));
            }
            ranked.add(document);
        }
        return ranked;
    }

    /** Distinct single scores, and two documents holding several. */
    private static List<Document> scores() {
        List<Document> scores = new ArrayList<>();
        for (int score = 5; score <= 60; score++) {
            scores.add(new Document("_id", "s" + score).append("group", "g").append("score", score));
        }
        scores.add(new Document("_id", "low-and-high").append("group", "g").append("score", List.of(1, 100)));
        scores.add(new Document("_id", "three-and-seventy").append("group", "g").append("score", List.of(70, 3)));
        return scores;
    }

    private static List<Document> copies(List<Document> documents) {
        return documents.stream().map(Document::new).toList();
    }

    private static String time(int minutes) {
        return START.plusSeconds(60L * minutes).toString();
    }

    private static String createTime(Document invitation) {
        return invitation.getString("createTime");
    }

    private static Comparator<Document> newestFirst() {
        return comparing(SortInIndexOrderTest::createTime, nullsFirst(naturalOrder())).reversed()
                .thenComparing(comparing((Document invitation) -> invitation.getString("_id")).reversed());
    }

    private static Double rank(Document ranked) {
        return ranked.get("rank") instanceof Number rank ? rank.doubleValue() : null;
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> scoresOf(Document scored) {
        Object score = scored.get("score");
        return score instanceof Collection<?> several ? List.copyOf((Collection<Integer>) several)
                : List.of((Integer) score);
    }
}
