package dev.invitations.command;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** An invitation's events as the event store holds them, for tests that wait for what a saga does. */
public final class StoredEventsForTests {

    private final MongoTemplate mongo;

    public StoredEventsForTests(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The invitation's events of {@code type} (a simple class name), oldest first. */
    public List<Document> of(String invitationId, String type) {
        return mongo.find(Query.query(where("aggregateIdentifier").is(invitationId)
                        .and("payloadType").is("dev.invitations.api.invitation." + type))
                        .with(Sort.by("sequenceNumber")),
                Document.class, "domainevents");
    }

    /** How many events the store holds for {@code orgId}: what a refused request must leave at zero. */
    public long countOfOrg(String orgId) {
        return mongo.count(Query.query(where("serializedPayload")
                .regex(Pattern.quote("\"orgId\":\"" + orgId + "\""))), "domainevents");
    }

    /** Waits up to {@code timeout} until the invitation has {@code count} events of {@code type}; returns them. */
    public List<Document> await(String invitationId, String type, int count, Duration timeout) {
        return Awaitility.await(count + " " + type + " of " + invitationId).atMost(timeout)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(() -> of(invitationId, type), found -> found.size() >= count);
    }
}
