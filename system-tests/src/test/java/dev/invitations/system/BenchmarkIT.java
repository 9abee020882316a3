package dev.invitations.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClients;
import dev.invitations.security.JwtsForTests;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark behind {@code ./bench.sh}: drives a running system (started by the script as run-local.sh does)
 * and prints a table and, as its last line, one JSON object of figures. It asserts nothing about speed; it runs
 * only when {@code bench.command} is given, never in {@code ./mvnw verify}.
 */
@EnabledIfSystemProperty(named = "bench.command", matches = "http.*")
class BenchmarkIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEARER = JwtsForTests.bearer("bench", JwtsForTests.EVERYTHING, "*");
    private static final String ADMIN = JwtsForTests.bearer("bench-operator", "invitations.admin");
    private static final int CLIENTS = 8;
    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final Duration MEASURE = Duration.ofSeconds(10);
    /** How long the system is driven before anything is measured: {@code -Dbench.warm-up-seconds}. */
    private static final Duration JIT_WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warm-up-seconds", 30));

    private final String command = System.getProperty("bench.command");
    private final String query = System.getProperty("bench.query");
    private final String mongoUri = System.getProperty("bench.mongo");
    private final List<Integer> listSizes = parseSizes(System.getProperty("bench.list-sizes", "10000,100000"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(32)).build();
    private final AtomicLong unexpected = new AtomicLong();
    private final AtomicInteger emails = new AtomicInteger();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    /** Figures beside the JSON line's: in the table only. */
    private final Map<String, Object> moreFigures = new LinkedHashMap<>();
    /** The SMTP server the command side sends to, so that every create's email is really delivered. */
    private final GreenMail mail = new GreenMail(new ServerSetup(
            Integer.getInteger("bench.smtp-port", 0), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Test
    void measure() throws Exception {
        mail.start();
        try {
            measureAll();
        } finally {
            mail.stop();
        }
    }

    private void measureAll() throws Exception {
        figures.put("raw_insert_per_s", rawInsertsPerSecond());
        warmUp();
        // first, while nothing else is going on: under load, emails queue behind the creates'
        Latencies emailed = emailDelivery();
        moreFigures.put("email_p50_ms_idle", round(emailed.percentile(50)));
        moreFigures.put("email_p99_ms_idle", round(emailed.percentile(99)));
        Queue<String> tokens = new ConcurrentLinkedQueue<>();
        Latencies creates = createLoad(tokens);
        figures.put("create_per_s", round(creates.count() / (double) MEASURE.toSeconds()));
        figures.put("create_p50_ms", round(creates.percentile(50)));
        figures.put("create_p99_ms", round(creates.percentile(99)));
        // a ratio: two decimals, where the other figures have one
        figures.put("create_vs_raw", Math.round(100 * (double) figures.get("create_per_s")
                / (double) figures.get("raw_insert_per_s")) / 100.0);
        figures.put("accept_per_s", acceptsPerSecond(tokens));
        Latencies withQuerySideStopped = whileQuerySideIsStopped(() -> createLoad(new ConcurrentLinkedQueue<>()));
        moreFigures.put("create_per_s_query_side_stopped",
                round(withQuerySideStopped.count() / (double) MEASURE.toSeconds()));
        Latencies lag = projectionLag();
        figures.put("lag_p50_ms", round(lag.percentile(50)));
        figures.put("lag_p99_ms", round(lag.percentile(99)));
        for (int size : listSizes) {
            figures.put("list_p99_ms_" + (size >= 1000 ? size / 1000 + "k" : String.valueOf(size)),
                    round(listP99(size)));
        }
        figures.put("rebuild_events_per_s", rebuildEventsPerSecond());
        figures.put("rss_mb_command", rssMegabytes(System.getProperty("bench.command-pid")));
        figures.put("rss_mb_query", rssMegabytes(System.getProperty("bench.query-pid")));
        figures.put("errors", unexpected.get());
        moreFigures.put("emails_delivered", mail.getReceivedMessages().length);
        Path output = Files.createDirectories(Path.of("target/bench"));
        Charts.write(output.resolve("latencies.svg"), Map.of("create", creates, "lag", lag, "email", emailed));
        StringBuilder table = new StringBuilder();
        figures.forEach((name, value) -> table.append(String.format("%-32s %s%n", name, value)));
        moreFigures.forEach((name, value) -> table.append(String.format("%-32s %s%n", name, value)));
        Files.writeString(output.resolve("figures.txt"), table + JSON.writeValueAsString(figures) + "\n");
    }

    /** Runs {@code load} with the query side's process stopped (SIGSTOP), so that none of its queries reach MongoDB. */
    private Latencies whileQuerySideIsStopped(Callable<Latencies> load) throws Exception {
        String pid = System.getProperty("bench.query-pid");
        signal("STOP", pid);
        try {
            return load.call();
        } finally {
            signal("CONT", pid);
        }
    }

    private static void signal(String signal, String pid) throws Exception {
        if (new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    /**
     * Creates, reads and accepts for a while, then waits until their emails have arrived. The sides are JVMs that had
     * just started: through their first minute under load the JIT compiler took more CPU than the command side's own
     * code, and the saga's backlog of emails would run on into the measurements.
     */
    private void warmUp() throws Exception {
        var created = new AtomicInteger();
        long end = System.nanoTime() + JIT_WARM_UP.toNanos();
        runClients(() -> {
            while (System.nanoTime() < end) {
                JsonNode invitation = create("bench-warm-up");
                if (invitation == null) {
                    continue;
                }
                created.incrementAndGet();
                sendQuietly("GET", query + "/v1/orgs/bench-warm-up/invitations/" + invitation.get("id").asText());
                sendQuietly("GET", query + "/v1/orgs/bench-warm-up/invitations?limit=20");
                if (created.get() % 2 == 0) {
                    send("POST", command + "/v1/invitations:accept",
                            "{\"token\":\"" + invitation.get("invitationToken").asText() + "\"}", 200);
                }
            }
        });
        awaitEmailsSent(Duration.ofMinutes(3));
        moreFigures.put("warm_up_creates", created.get());
    }

    /** Until no email has arrived for two seconds (the saga has sent its backlog), or at most {@code limit}. */
    private void awaitEmailsSent(Duration limit) {
        long giveUp = System.nanoTime() + limit.toNanos();
        int seen = -1;
        while (System.nanoTime() < giveUp) {
            int delivered = mail.getReceivedMessages().length;
            if (delivered == seen) {
                return;
            }
            seen = delivered;
            sleep(2_000);
        }
    }

    /** From a create's 201 to its email in the SMTP server's inbox, one create at a time, 20 ms apart. */
    private Latencies emailDelivery() {
        var latencies = new Latencies();
        for (int i = 0; i < 100; i++) {
            String address = "bench-email" + i + "@example.com";
            long start = System.nanoTime();
            if (send("POST", command + "/v1/orgs/bench-email/invitations",
                    "{\"invitedEmail\":\"" + address + "\",\"role\":\"member\"}", 201) == null) {
                continue;
            }
            long acknowledged = System.nanoTime();
            long giveUp = acknowledged + Duration.ofSeconds(10).toNanos();
            while (mail.getReceivedMessagesForDomain(address).length == 0 && System.nanoTime() < giveUp) {
                sleep(1);
            }
            if (mail.getReceivedMessagesForDomain(address).length == 0) {
                unexpected.incrementAndGet();
            } else {
                latencies.record(acknowledged, System.nanoTime());
            }
            sleep(20);
        }
        return latencies;
    }

    /** Drops and rebuilds the views through the query side's admin endpoint; events replayed per second. */
    private double rebuildEventsPerSecond() {
        String progress = query + "/admin/views/rebuild";
        if (send("POST", query + "/admin/views:rebuild", null, 202, ADMIN) == null) {
            return -1;
        }
        long giveUp = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        JsonNode state = send("GET", progress, null, 200, ADMIN);
        while (state != null && !state.path("state").asText().equals("DONE") && System.nanoTime() < giveUp) {
            sleep(200);
            state = send("GET", progress, null, 200, ADMIN);
        }
        if (state == null || !state.path("state").asText().equals("DONE")) {
            unexpected.incrementAndGet();
            return -1;
        }
        moreFigures.put("rebuild_events", state.path("replayedEvents").asLong());
        return round(state.path("eventsPerSecond").asDouble());
    }

    /** The baseline: the official driver inserting 500-byte documents one by one on the same server. */
    private double rawInsertsPerSecond() {
        try (var client = MongoClients.create(mongoUri)) {
            var collection = client.getDatabase("bench-raw").getCollection("docs");
            String payload = "x".repeat(500);
            long warmUpEnd = System.nanoTime() + WARM_UP.toNanos();
            while (System.nanoTime() < warmUpEnd) {
                collection.insertOne(new Document("payload", payload));
            }
            long count = 0;
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            long start = System.nanoTime();
            while (System.nanoTime() < end) {
                collection.insertOne(new Document("payload", payload));
                count++;
            }
            return round(count / ((System.nanoTime() - start) / 1e9));
        }
    }

    /** Eight clients creating as fast as they are answered; creates of the measured window only are counted. */
    private Latencies createLoad(Queue<String> tokens) throws Exception {
        var latencies = new Latencies();
        long measureFrom = System.nanoTime() + WARM_UP.toNanos();
        long end = measureFrom + MEASURE.toNanos();
        runClients(() -> {
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                JsonNode created = create("bench-create");
                long done = System.nanoTime();
                if (created != null && start >= measureFrom) {
                    latencies.record(start, done);
                }
                if (created != null) {
                    tokens.add(created.get("invitationToken").asText());
                }
            }
        });
        return latencies;
    }

    private double acceptsPerSecond(Queue<String> tokens) throws Exception {
        var accepted = new AtomicLong();
        long start = System.nanoTime();
        long end = start + MEASURE.toNanos();
        runClients(() -> {
            String token;
            while (System.nanoTime() < end && (token = tokens.poll()) != null) {
                if (send("POST", command + "/v1/invitations:accept", "{\"token\":\"" + token + "\"}", 200) != null) {
                    accepted.incrementAndGet();
                }
            }
        });
        return round(accepted.get() / ((System.nanoTime() - start) / 1e9));
    }

    /** From a create's 201 to the invitation answering 200 on the query side, at a steady 200 creates/s. */
    private Latencies projectionLag() throws Exception {
        var lag = new Latencies();
        ScheduledExecutorService pace = Executors.newScheduledThreadPool(1);
        ExecutorService workers = Executors.newFixedThreadPool(24);
        List<Future<?>> pending = new ArrayList<>();
        var everyFiveMillis = pace.scheduleAtFixedRate(() -> pending.add(workers.submit(() -> {
            JsonNode created = create("bench-lag");
            if (created == null) {
                return;
            }
            long acknowledged = System.nanoTime();
            String url = query + "/v1/orgs/bench-lag/invitations/" + created.get("id").asText();
            long giveUp = acknowledged + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < giveUp) {
                if (sendQuietly("GET", url) == 200) {
                    lag.record(acknowledged, System.nanoTime());
                    return;
                }
                sleep(2);
            }
            unexpected.incrementAndGet();
        })), 0, 5, TimeUnit.MILLISECONDS);
        Thread.sleep(5_000);
        everyFiveMillis.cancel(false);
        pace.shutdown();
        pace.awaitTermination(5, TimeUnit.SECONDS);
        for (Future<?> each : List.copyOf(pending)) {
            each.get();
        }
        workers.shutdown();
        return lag;
    }

    /** Fills one org to {@code size} invitations with batch creates, then times first pages and page walks. */
    private double listP99(int size) throws Exception {
        String org = "bench-list";
        int have = totalSize(org);
        var batches = new AtomicInteger((size - have + 99) / 100);
        runClients(() -> {
            while (batches.getAndDecrement() > 0) {
                StringBuilder body = new StringBuilder("{\"requests\":[");
                for (int i = 0; i < 100; i++) {
                    body.append(i == 0 ? "" : ",").append("{\"invitedEmail\":\"list").append(emails.incrementAndGet())
                            .append("@example.com\",\"role\":\"member\"}");
                }
                send("POST", command + "/v1/orgs/" + org + "/invitations:batchCreate", body.append("]}").toString(), 200);
            }
        });
        long giveUp = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (totalSize(org) < size && System.nanoTime() < giveUp) {
            sleep(500);
        }
        // the lists are read once the fill's emails are out, as far as that takes at most three minutes
        awaitEmailsSent(Duration.ofMinutes(3));
        var latencies = new Latencies();
        String next = null;
        for (int call = 0; call < 300; call++) {
            String url = query + "/v1/orgs/" + org + "/invitations?state=ALL&limit=20"
                    + (call % 2 == 1 && next != null ? "&starting_after=" + next : "");
            long start = System.nanoTime();
            JsonNode page = send("GET", url, null, 200);
            latencies.record(start, System.nanoTime());
            next = page == null || page.path("next").isNull() ? null : page.path("next").asText();
        }
        return latencies.percentile(99);
    }

    private int totalSize(String org) {
        JsonNode page = send("GET", query + "/v1/orgs/" + org + "/invitations?state=ALL&limit=1&include_total=true",
                null, 200);
        return page == null ? 0 : page.path("totalSize").asInt();
    }

    private JsonNode create(String org) {
        return send("POST", command + "/v1/orgs/" + org + "/invitations",
                "{\"invitedEmail\":\"bench" + emails.incrementAndGet() + "@example.com\",\"role\":\"member\"}", 201);
    }

    /** The answer's JSON when it has the expected status; anything else counts as an error. */
    private JsonNode send(String method, String url, String body, int expected) {
        return send(method, url, body, expected, BEARER);
    }

    private JsonNode send(String method, String url, String body, int expected, String bearer) {
        try {
            HttpResponse<String> response = http.send(request(method, url, body, bearer),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                unexpected.incrementAndGet();
                return null;
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            unexpected.incrementAndGet();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private int sendQuietly(String method, String url) {
        try {
            return http.send(request(method, url, null, BEARER), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static HttpRequest request(String method, String url, String body, String bearer) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static void runClients(Runnable client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            running.add(pool.submit(client));
        }
        for (Future<?> each : running) {
            each.get();
        }
        pool.shutdown();
    }

    private static long rssMegabytes(String pid) throws IOException {
        if (pid == null || pid.isBlank()) {
            return -1;
        }
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static List<Integer> parseSizes(String sizes) {
        return sizes.isBlank() ? List.of() : Arrays.stream(sizes.split(",")).map(Integer::valueOf).toList();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
