package dev.invitations.system;

import dev.invitations.system.OrgReads.FeedEvent;
import dev.invitations.system.StoredEvents.StoredEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Four clients create invitations while one of the processes is killed with SIGKILL and restarted, with a query
 * side running throughout: every create that was answered 201 is in the event store afterwards, in the query side's
 * views and once in the org's feed, and the clients never see a 500.
 */
class KilledProcessesLoseNothingIT {

    private static final Duration SETTLING = Duration.ofSeconds(120);

    @Test
    void killingTheCommandSideLosesNoAcknowledgedCreate() throws Exception {
        try (var system = new LocalSystem()) {
            system.startMongo();
            int port = JavaProcess.freePort();
            int queryPort = JavaProcess.freePort();
            var commandSide = system.startCommandSide(port);
            system.startQuerySide(queryPort);

            var clients = Clients.creating(4, port, "kill-command-side");
            awaitUntil(() -> clients.acknowledged.size() > 20, "creates acknowledged before the kill");
            commandSide.killDashNine();
            clients.stop();
            system.startCommandSide(port);

            assertThat(clients.acknowledged).hasSizeGreaterThan(20);
            assertThat(StoredEvents.createdInvitations(system.mongoUri)).containsAll(clients.acknowledged);
            assertThat(clients.statuses).doesNotContain(500);
            assertSeenByTheQuerySide(system, new OrgReads(queryPort, "kill-command-side", SETTLING), clients);
        }
    }

    @Test
    void killingTheEmbeddedServerLosesNoAcknowledgedCreateAndClientsRecover() throws Exception {
        try (var system = new LocalSystem()) {
            var mongo = system.startMongo();
            int port = JavaProcess.freePort();
            int queryPort = JavaProcess.freePort();
            system.startCommandSide(port);
            // it loses its storage with the server and is not restarted: it has to recover by itself
            system.startQuerySide(queryPort);

            var clients = Clients.creating(4, port, "kill-embedded-server");
            awaitUntil(() -> clients.acknowledged.size() > 20, "creates acknowledged before the kill");
            mongo.killDashNine();
            // a request waits up to the command side's storage timeout for the server: gone for a fixed while, it
            // could be back before any request gave up (and was answered 503)
            awaitUntil(() -> clients.countOf(503) > 0, "a 503 while the server is gone");
            int acknowledgedBeforeRestart = clients.acknowledged.size();
            system.startMongo();
            awaitUntil(() -> clients.acknowledged.size() > acknowledgedBeforeRestart + 20,
                    "creates acknowledged after the restart");
            clients.stop();

            assertThat(clients.countOf(503)).as("503s while the server was gone").isPositive();
            assertThat(clients.statuses).doesNotContain(500);
            assertThat(clients.acknowledged).as("creates acknowledged after the restart")
                    .hasSizeGreaterThan(acknowledgedBeforeRestart);
            assertThat(StoredEvents.createdInvitations(system.mongoUri)).containsAll(clients.acknowledged);
            assertSeenByTheQuerySide(system, new OrgReads(queryPort, "kill-embedded-server", SETTLING), clients);
        }
    }

    private static void awaitUntil(BooleanSupplier condition, String what) {
        await(what).atMost(SETTLING).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }

    /**
     * Every stored invitation, acknowledged or not (a create can be stored and its answer lost with the process), is
     * in the views, listed once, and its creation is once in the feed, which holds every stored event once.
     */
    private static void assertSeenByTheQuerySide(LocalSystem system, OrgReads reads, Clients clients)
            throws Exception {
        Set<String> stored = StoredEvents.createdInvitations(system.mongoUri);
        // each read waits for the view to get there, so this is also the wait for the query side to settle
        stored.forEach(id -> assertThat(reads.versionOf(id, 0)).as("the view of " + id).isNotNegative());
        assertThat(reads.listed(stored.size())).as("the list").hasSize(stored.size())
                .containsExactlyInAnyOrderElementsOf(stored);

        List<StoredEvent> events = StoredEvents.all(system.mongoUri);
        List<FeedEvent> feed = reads.feed(events.stream().map(StoredEvent::id).toList());
        List<String> feedIds = feed.stream().map(FeedEvent::id).toList();
        assertThat(feedIds).as(() -> "the feed's event ids; stored, not in the feed: " + events.stream()
                        .filter(event -> !feedIds.contains(event.id())).toList())
                .doesNotHaveDuplicates().containsAll(events.stream().map(StoredEvent::id).toList());
        List<String> creations = feed.stream().filter(event -> event.type().equals("InvitationCreated"))
                .map(FeedEvent::invitationId).toList();
        assertThat(creations).as("the invitations created in the feed")
                .doesNotHaveDuplicates().containsAll(clients.acknowledged);
        System.out.printf("%d acknowledged, %d stored invitations, %d stored events, %d in the feed, statuses %s%n",
                clients.acknowledged.size(), stored.size(), events.size(), feed.size(),
                clients.statuses.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new,
                        Collectors.counting())));
    }
}
