package dev.invitations.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitations.examples.webhookreceiver.WebhookReceiver;
import dev.invitations.security.JwtsForTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two query sides deliver one org's webhook to one receiver while invitations are created; each query side is killed
 * with SIGKILL once while deliveries run (so whichever held the endpoint's lease was killed at some point) and the
 * first is restarted. Every event arrives, verified by the example receiver ({@code examples/webhook-receiver}, with
 * the Standard Webhooks library), first arrivals in feed order; a duplicate is only a redelivery of the same
 * webhook-id. The duplicates are counted and printed.
 */
class WebhooksAcrossInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOOKS = JwtsForTests.bearer("integrator", "org.integrations.manage", "*");

    private final String org = "org-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger unverified = new AtomicInteger();
    private WebhookReceiver receiver;

    @Test
    void everyEventArrivesAlthoughTheDeliveringInstancesAreKilled() throws Exception {
        try (var system = new LocalSystem()
                .set("INVITATIONS_WEBHOOKS_ALLOW_HTTP", "true")
                .set("INVITATIONS_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true")
                .set("INVITATIONS_WEBHOOKS_LEASE", "PT3S")) {
            system.startMongo();
            int commandPort = JavaProcess.freePort();
            int[] queryPorts = {JavaProcess.freePort(), JavaProcess.freePort()};
            system.startCommandSide(commandPort);
            List<JavaProcess> querySides = new ArrayList<>(List.of(system.startQuerySide(queryPorts[0]),
                    system.startQuerySide(queryPorts[1])));

            // the receiver needs the secret that registering it answers: its port is chosen first, and it starts
            // before the first create, so before anything is delivered
            int receiverPort = JavaProcess.freePort();
            var registered = OrgReads.send(commandPort, "POST", "/v1/orgs/" + org + "/webhooks", HOOKS,
                    "{\"url\":\"http://127.0.0.1:" + receiverPort
                            + "/hooks\",\"types\":[\"invitations.v1.InvitationCreated\"]}");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            JsonNode webhook = JSON.readTree(registered.body());
            receiver = WebhookReceiver.start(receiverPort, webhook.get("secret").asText(),
                    delivery -> received.add(delivery.id()), refusal -> unverified.incrementAndGet());
            String id = webhook.get("id").asText();
            awaitUntil(() -> get(queryPorts[1], "/v1/orgs/" + org + "/webhooks/" + id) != null);

            var clients = Clients.creating(2, commandPort, org);
            awaitUntil(() -> received.size() >= 15);
            querySides.get(0).killDashNine();
            int before = received.size();
            awaitUntil(() -> received.size() >= before + 15);
            querySides.set(0, system.startQuerySide(queryPorts[0]));
            querySides.get(1).killDashNine();
            int afterSecond = received.size();
            awaitUntil(() -> received.size() >= afterSecond + 15);
            clients.stop();

            // the restarted query side's feed catches up first
            awaitUntil(() -> createdInFeed(queryPorts[0]).size() >= clients.acknowledged.size());
            List<String> feed = createdInFeed(queryPorts[0]);
            assertThat(feed).hasSizeGreaterThanOrEqualTo(clients.acknowledged.size());
            awaitUntil(() -> new LinkedHashSet<>(received).containsAll(feed));
            Thread.sleep(2000); // anything still in flight
            List<String> firsts = new ArrayList<>(new LinkedHashSet<>(received));
            Map<String, Integer> duplicates = new LinkedHashMap<>();
            received.forEach(eventId -> duplicates.merge(eventId, 1, Integer::sum));
            duplicates.values().removeIf(count -> count == 1);
            System.out.printf("webhook deliveries: %d events, %d requests, %d delivered more than once: %s%n",
                    feed.size(), received.size(), duplicates.size(), duplicates);

            assertThat(firsts).containsExactlyElementsOf(feed);
            assertThat(unverified.get()).isZero();
            assertThat(received.size() - feed.size())
                    .isEqualTo(duplicates.values().stream().mapToInt(count -> count - 1).sum());
        }
    }

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    /** The ids of the org's InvitationCreated events in feed order. */
    private List<String> createdInFeed(int queryPort) {
        List<String> ids = new ArrayList<>();
        String after = "0";
        while (true) {
            JsonNode page = get(queryPort, "/v1/orgs/" + org + "/events?limit=100&after=" + after);
            if (page == null) {
                return List.of();
            }
            for (JsonNode event : page.get("events")) {
                if (event.get("type").asText().equals("invitations.v1.InvitationCreated")) {
                    ids.add(event.get("id").asText());
                }
            }
            if (page.get("events").isEmpty()) {
                return ids;
            }
            after = page.get("next").asText();
        }
    }

    private JsonNode get(int port, String path) {
        try {
            var answer = OrgReads.send(port, "GET", path, JwtsForTests.bearer("reader",
                    "org.user.read org.integrations.manage", "*"), null);
            return answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static void awaitUntil(BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }
}
