package dev.invitations.query.invitation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitations.api.token.InvitationTokens;
import dev.invitations.query.RunningQuerySide;
import dev.invitations.query.StoredInstants;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.temporal.ChronoUnit;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static dev.invitations.query.EventsForTests.EPOCH;
import static org.assertj.core.api.Assertions.assertThat;

/** The projection applies each event once, whatever order and however often events reach it. */
class InvitationViewProjectionTest extends RunningQuerySide {

    @Autowired
    InvitationViewProjection projection;
    @Autowired
    StoredInvitations views;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ObjectMapper json;
    @Autowired
    InvitationQueries queries;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    InvitationTokens tokens;

    @Test
    void anEventDeliveredAgainOrAfterANewerOneChangesNothing() throws Exception {
        String org = newOrg();
        String id = events.create(org, "twice@example.com", EPOCH);
        long last = events.everyChange(org, id, "twice@example.com");
        viewAt(org, id, last);
        String before = stored(id);

        List<? extends DomainEventMessage<?>> stream = eventStore.readEvents(id).asStream().toList();
        deliver(stream.get(4));
        deliver(stream.get(1));
        deliver(stream.get(0));

        assertThat(stored(id)).isEqualTo(before);
    }

    @Test
    void anEventAheadOfItsPredecessorsBringsThemAlong() {
        var processor = processing.eventProcessor(InvitationViewProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        processor.shutdownAsync().join();
        try {
            String org = newOrg();
            String id = events.create(org, "gap@example.com", EPOCH);
            long last = events.everyChange(org, id, "gap@example.com");
            List<? extends DomainEventMessage<?>> stream = eventStore.readEvents(id).asStream().toList();
            deliver(stream.get(0));

            deliver(stream.get((int) last));

            InvitationDocument view = views.find(id).orElseThrow();
            assertThat(view.getVersion()).isEqualTo(last);
            assertThat(view.getRole()).isEqualTo("admin");
            assertThat(view.getSendCount()).isEqualTo(2);
            assertThat(view.getState().name()).isEqualTo("DECLINED");
        } finally {
            processor.start();
        }
    }

    @Test
    void aViewAsThePreviousReleaseStoredItStillReadsAndUpdates() {
        String org = newOrg();
        String id = events.create(org, "earlier@example.com", EPOCH);
        viewAt(org, id, 0);
        // its fields, and its class: the resource in shared-api, which no longer exists
        String created = StoredInstants.format(EPOCH);
        Document previous = new Document("_id", id).append("orgId", org).append("invitedEmail", "earlier@example.com")
                .append("role", "member").append("state", "PENDING").append("inviter", "Ada")
                .append("creator", "admin-1").append("updater", "admin-1")
                .append("createTime", created).append("updateTime", created)
                .append("expirationTime", StoredInstants.format(EPOCH.plus(7, ChronoUnit.DAYS)))
                .append("lastSentTime", created).append("sendCount", 1).append("disableInvitationEmail", false)
                .append("labels", new Document())
                .append("delivery", new Document("status", "QUEUED").append("attempts", 0))
                .append("tokenHash", tokens.hashOf(id, 1)).append("version", 0L)
                .append("_class", "dev.invitations.api.invitation.InvitationView");
        mongo.getCollection(StoredInvitations.COLLECTION).replaceOne(eq("_id", id), previous);

        assertThat(queries.lookup(events.tokenOf(id, 1))).get()
                .extracting(InvitationLookup::invitedEmail).isEqualTo("earlier@example.com");
        assertThat(viewAt(org, id, 0).get("delivery").get("status").asText()).isEqualTo("QUEUED");
        events.write(id, 1, events.revoked(org, id, "earlier@example.com"));

        assertThat(viewAt(org, id, 1).get("state").asText()).isEqualTo("REVOKED");
    }

    private void deliver(DomainEventMessage<?> event) {
        DefaultUnitOfWork.startAndGet(event)
                .execute(() -> projection.on(event.getPayload(), event));
    }

    /** The whole stored view: what clients see, its version and its token hash. */
    private String stored(String id) throws Exception {
        InvitationDocument view = views.find(id).orElseThrow();
        return json.writeValueAsString(view) + view.getVersion() + view.getTokenHash();
    }
}
