package dev.invitations.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import dev.invitations.security.JwtsForTests;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two query sides deliver one org's webhook to one receiver while invitations are created; each query side is killed
 * with SIGKILL once while deliveries run (so whichever held the endpoint's lease was killed at some point) and the
 * first is restarted. Every event arrives, verified with the Standard Webhooks library, first arrivals in feed
 * order; a duplicate is only a redelivery of the same webhook-id. The duplicates are counted and printed.
 */
class WebhooksAcrossInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOOKS = JwtsForTests.bearer("integrator", "org.integrations.manage", "*");

    private final String org = "org-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger unverified = new AtomicInteger();

    @Test
    void everyEventArrivesAlthoughTheDeliveringInstancesAreKilled() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        String[] secret = new String[1];
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            String id = headers.getFirst("webhook-id");
            try {
                new Webhook(secret[0]).verify(body, Map.of("webhook-id", List.of(id),
                        "webhook-timestamp", List.of(headers.getFirst("webhook-timestamp")),
                        "webhook-signature", List.of(headers.getFirst("webhook-signature"))));
            } catch (Exception e) {
                unverified.incrementAndGet();
            }
            received.add(id);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
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

            var registered = OrgReads.send(commandPort, "POST", "/v1/orgs/" + org + "/webhooks", HOOKS,
                    "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                            + "/hooks\",\"types\":[\"invitations.v1.InvitationCreated\"]}");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            JsonNode webhook = JSON.readTree(registered.body());
            secret[0] = webhook.get("secret").asText();
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
        } finally {
            receiver.stop(0);
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
