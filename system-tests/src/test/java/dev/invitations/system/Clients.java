package dev.invitations.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitations.security.JwtsForTests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Clients creating invitations as fast as they are answered, each remembering which creates were acknowledged
 * with 201 and every status it saw (a refused connection counts as status 0).
 */
final class Clients {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEARER = JwtsForTests.bearer("load", JwtsForTests.EVERYTHING, "*");

    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final List<Integer> statuses = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sequence = new AtomicInteger();
    private final ExecutorService pool;

    private Clients(int count, int port, String org) {
        pool = Executors.newFixedThreadPool(count);
        for (int i = 0; i < count; i++) {
            pool.submit(() -> {
                while (running.get()) {
                    create(port, org);
                }
            });
        }
    }

    static Clients creating(int count, int port, String org) {
        return new Clients(count, port, org);
    }

    void stop() throws InterruptedException {
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }

    long countOf(int status) {
        return statuses.stream().filter(s -> s == status).count();
    }

    private void create(int port, String org) {
        String body = "{\"invitedEmail\":\"user" + sequence.incrementAndGet() + "@example.com\",\"role\":\"member\"}";
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/orgs/" + org + "/invitations"))
                .header("Authorization", BEARER)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            statuses.add(response.statusCode());
            if (response.statusCode() == 201) {
                JsonNode created = JSON.readTree(response.body());
                acknowledged.add(created.get("id").asText());
            }
        } catch (IOException refused) {
            statuses.add(0);
            pause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
