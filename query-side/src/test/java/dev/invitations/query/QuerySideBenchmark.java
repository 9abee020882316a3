package dev.invitations.query;

import dev.invitations.api.invitation.InvitationCreated;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The query side's figures on this machine, printed, never asserted. Excluded from {@code verify} (tag
 * {@code benchmark}); run it with
 * {@code ./mvnw -B -pl query-side test -Dtest=QuerySideBenchmark -DexcludedGroups= -Dbenchmark.invitations=10000,100000}.
 * Events are appended through the storage engine, not Axon's event bus, so the views learn of them only by polling
 * the store, as they do when the command side runs in its own process.
 */
@Tag("benchmark")
class QuerySideBenchmark extends RunningQuerySide {

    private static final int LIST_READS = 300;
    private static final int BATCH = 500;

    @Autowired
    EventStorageEngine storage;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void printFigures() {
        appendRate("warm-up", 2_000);
        stopProcessors();
        double stopped = appendRate("append, projections stopped", 5_000);
        startProcessors();
        double running = appendRate("append, projections running", 5_000);
        System.out.printf("BENCH append slowdown with projections running: %.0f%%%n", 100 * (1 - running / stopped));
        projectionLag(200, Duration.ofSeconds(15));

        String org = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        int written = 0;
        for (String size : System.getProperty("benchmark.invitations", "10000").split(",")) {
            int target = Integer.parseInt(size.trim());
            long started = System.nanoTime();
            appendCreates(org, target - written);
            written = target;
            awaitTotal(org, written);
            System.out.printf("BENCH %d invitations appended and projected in %.1f s%n", target,
                    (System.nanoTime() - started) / 1e9);
            listLatencies(org, target);
        }
        rebuildRate();
    }

    private double appendRate(String label, int count) {
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            storage.appendEvents(createdIn("rate-org", UUID.randomUUID().toString()));
        }
        double perSecond = count / ((System.nanoTime() - started) / 1e9);
        System.out.printf("BENCH %s: %.0f events/s (one insert each, sequential)%n", label, perSecond);
        return perSecond;
    }

    /** From an append to the invitation's visibility in a GET, at a steady rate. */
    private void projectionLag(int perSecond, Duration duration) {
        String org = "lag-" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> lags = Collections.synchronizedList(new ArrayList<>());
        var http = reader();
        var probes = Executors.newFixedThreadPool(16);
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        int count = 0;
        for (long next = start; next < end; next += interval, count++) {
            LockSupport.parkNanos(next - System.nanoTime());
            String id = UUID.randomUUID().toString();
            storage.appendEvents(createdIn(org, id));
            long appended = System.nanoTime();
            if (count % 10 == 0) {
                // minVersion=0 answers as soon as the view has the invitation
                probes.execute(() -> {
                    if (http.get("/v1/orgs/" + org + "/invitations/" + id + "?minVersion=0").status() == 200) {
                        lags.add(System.nanoTime() - appended);
                    }
                });
            }
        }
        probes.shutdown();
        awaitTermination(probes);
        System.out.printf("BENCH projection lag at %d appends/s: %s%n", perSecond, percentiles(lags));
    }

    private void listLatencies(String org, int size) {
        var http = reader();
        String path = "/v1/orgs/" + org + "/invitations?state=ALL";
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < LIST_READS; i++) {
            long started = System.nanoTime();
            http.get(path);
            latencies.add(System.nanoTime() - started);
        }
        System.out.printf("BENCH list (first page of 10) at %d invitations in one org: %s%n", size,
                percentiles(latencies));
    }

    private void rebuildRate() {
        var admin = new HttpForTests(port, JwtsForTests.bearer("operator", "invitations.admin"));
        admin.post("/admin/views:rebuild");
        var done = eventually(() -> admin.get("/admin/views/rebuild"),
                answer -> answer.body().path("state").asText().equals("DONE"), Duration.ofMinutes(30));
        System.out.printf("BENCH rebuild: %d events at %.0f events/s%n", done.body().get("replayedEvents").asLong(),
                done.body().get("eventsPerSecond").asDouble());
    }

    private void appendCreates(String org, int count) {
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(createdIn(org, UUID.randomUUID().toString()));
            if (batch.size() == BATCH || i == count - 1) {
                storage.appendEvents(batch);
                batch.clear();
            }
        }
    }

    private void awaitTotal(String org, int total) {
        eventually(() -> reader().get("/v1/orgs/" + org + "/invitations?state=ALL&limit=1&include_total=true"),
                answer -> answer.body().path("totalSize").asLong() == total, Duration.ofMinutes(30));
    }

    private static GenericDomainEventMessage<?> createdIn(String org, String id) {
        Instant now = Instant.now();
        return new GenericDomainEventMessage<>("Invitation", id, 0, new InvitationCreated(id, org,
                id.substring(0, 8) + "@example.com", List.of("member"), null, Map.of(), false, "hash",
                now.plusSeconds(600), "en", null, null, null, "bench", now));
    }

    private void stopProcessors() {
        processors().forEach(processor -> processor.shutdownAsync().join());
    }

    private void startProcessors() {
        processors().forEach(StreamingEventProcessor::start);
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream().map(StreamingEventProcessor.class::cast).toList();
    }

    private static String percentiles(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        LongSupplier p50 = () -> sorted.get(sorted.size() / 2);
        LongSupplier p99 = () -> sorted.get(Math.min(sorted.size() - 1, sorted.size() * 99 / 100));
        return String.format("p50 %.1f ms, p99 %.1f ms (n=%d)", p50.getAsLong() / 1e6, p99.getAsLong() / 1e6,
                sorted.size());
    }

    private static void awaitTermination(ExecutorService executor) {
        try {
            executor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
