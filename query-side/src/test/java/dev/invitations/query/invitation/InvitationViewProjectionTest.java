package dev.invitations.query.invitation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitations.api.invitation.InvitationView;
import dev.invitations.query.RunningQuerySide;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

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

            InvitationView view = views.find(id).orElseThrow();
            assertThat(view.getVersion()).isEqualTo(last);
            assertThat(view.getRole()).isEqualTo("admin");
            assertThat(view.getSendCount()).isEqualTo(2);
            assertThat(view.getState().name()).isEqualTo("DECLINED");
        } finally {
            processor.start();
        }
    }

    private void deliver(DomainEventMessage<?> event) {
        DefaultUnitOfWork.startAndGet(event)
                .execute(() -> projection.on(event.getPayload(), event));
    }

    /** The whole stored view: what clients see, its version and its token hash. */
    private String stored(String id) throws Exception {
        InvitationView view = views.find(id).orElseThrow();
        return json.writeValueAsString(view) + view.getVersion() + view.getTokenHash();
    }
}
