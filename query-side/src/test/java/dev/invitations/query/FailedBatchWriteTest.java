package dev.invitations.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invitations.api.invitation.InvitationCreated;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.MongoForTests;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write of the feed's batch that fails once, as one does when the storage goes away mid-batch: the batch is
 * handled again, so the event still reaches the feed, once. Written after the processor had stored its token, the
 * batch was skipped for good (see {@link BatchWrites}).
 * <p>
 * Its own context and database, as {@link PoisonEventTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({EventsForTests.class, FailedBatchWriteTest.FailingWrite.class})
class FailedBatchWriteTest {

    /** Joins the feed's processor and fails its batch's writes once, at the creation of one chosen invitation. */
    @TestComponent
    @ProcessingGroup("invitation-feed")
    static class FailingWrite {

        final AtomicReference<String> chosen = new AtomicReference<>();
        final AtomicInteger failures = new AtomicInteger();

        @EventHandler
        void on(InvitationCreated created) {
            if (created.invitationId().equals(chosen.get())) {
                BatchWrites.current(FailingWrite.class.getName(), Object::new, batch -> {
                    if (failures.getAndIncrement() == 0) {
                        throw new IllegalStateException("the storage went away");
                    }
                });
            }
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    EventsForTests events;

    @Autowired
    FailingWrite failingWrite;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        MongoForTests.use(registry, "failed-batch-write-test");
    }

    @Test
    void aBatchWhoseWriteFailedIsHandledAgainAndItsEventsReachTheFeedOnce() {
        String org = RunningQuerySide.newOrg();
        String id = UUID.randomUUID().toString();
        failingWrite.chosen.set(id);
        events.write(id, 0, events.created(id, org, "chosen@example.com", "member", Map.of(), "admin-1",
                EventsForTests.EPOCH));

        List<String> created = RunningQuerySide.eventually(() -> createdInFeed(org), ids -> !ids.isEmpty());
        assertThat(failingWrite.failures).as("failed writes, then the one that went through").hasValue(2);
        assertThat(created).containsExactly(id);
    }

    private List<String> createdInFeed(String org) {
        JsonNode feed = new HttpForTests(port, JwtsForTests.bearer("reader-1", "org.user.read", "*"))
                .get("/v1/orgs/" + org + "/events?limit=100").body();
        List<String> ids = new ArrayList<>();
        feed.get("events").forEach(event -> {
            if (event.get("type").asText().equals("invitations.v1.InvitationCreated")) {
                ids.add(event.get("data").get("invitationId").asText());
            }
        });
        return ids;
    }
}
