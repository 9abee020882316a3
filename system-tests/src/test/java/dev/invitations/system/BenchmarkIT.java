package dev.invitations.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClients;
import dev.invitations.examples.webhookreceiver.WebhookReceiver;
import dev.invitations.security.JwtsForTests;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import java.util.function.BiConsumer;

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
    /** The first creates after the system said ready, measured before anything warmed it up. */
    private static final Duration COLD = Duration.ofSeconds(30);
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
        Path output = Files.createDirectories(Path.of("target/bench"));
        measureColdCreates();
        figures.put("raw_insert_per_s", rawInsertsPerSecond());
        warmUp();
        // first, while nothing else is going on: under load, emails queue behind the creates'
        Latencies emailed = emailDelivery();
        moreFigures.put("email_p50_ms_idle", round(emailed.percentile(50)));
        moreFigures.put("email_p99_ms_idle", round(emailed.percentile(99)));
        Queue<String> tokens = new ConcurrentLinkedQueue<>();
        CreateLoad creates = measureWarmCreates(tokens, output);
        measureYardstick(creates);
        figures.put("accept_per_s", acceptsPerSecond(tokens));
        CreateLoad withQuerySideStopped = whileQuerySideIsStopped(() -> createLoad(command, "bench-create", WARM_UP,
                MEASURE, new ConcurrentLinkedQueue<>()));
        moreFigures.put("create_per_s_query_side_stopped", withQuerySideStopped.perSecond());
        Latencies lag = measureOpenLoads();
        Latencies webhooks = measureWebhooks();
        for (int size : listSizes) {
            figures.put("list_p99_ms_" + (size >= 1000 ? size / 1000 + "k" : String.valueOf(size)),
                    round(listP99(size)));
        }
        figures.put("rebuild_events_per_s", rebuildEventsPerSecond());
        figures.put("rss_mb_command", rssMegabytes(System.getProperty("bench.command-pid")));
        figures.put("rss_mb_query", rssMegabytes(System.getProperty("bench.query-pid")));
        figures.put("errors", unexpected.get());
        moreFigures.put("emails_delivered", mail.getReceivedMessages().length);
        Charts.write(output.resolve("latencies.svg"), Map.of("create", creates.latencies(), "lag", lag,
                "email", emailed, "webhook", webhooks));
        StringBuilder table = new StringBuilder();
        figures.forEach((name, value) -> table.append(String.format("%-32s %s%n", name, value)));
        moreFigures.forEach((name, value) -> table.append(String.format("%-32s %s%n", name, value)));
        Files.writeString(output.resolve("figures.txt"), table + JSON.writeValueAsString(figures) + "\n");
    }

    /** First, as every new user and every restarted instance meets the system: no warm-up. */
    private void measureColdCreates() throws Exception {
        CreateLoad cold = createLoad(command, "bench-cold", Duration.ZERO, COLD, new ConcurrentLinkedQueue<>());
        figures.put("cold_create_per_s", cold.perSecond());
        figures.put("cold_create_p99_ms", round(cold.latencies().percentile(99)));
        figures.put("startup_s", Double.valueOf(System.getProperty("bench.startup-seconds", "-1")));
        // the first start after a build, which also trains the sides' AOT caches when they run on a Java 25
        moreFigures.put("first_start_s", Double.valueOf(System.getProperty("bench.first-start-seconds", "-1")));
        // what comes next then runs beside nothing of the system: the cold creates' emails and views are done
        awaitEmailsSent(Duration.ofMinutes(3));
    }

    /**
     * The warm create load, with each process profiled ({@code profile.txt}) and the server's writes counted from
     * its start until its emails are out, the saga's and the projections' included.
     */
    private CreateLoad measureWarmCreates(Queue<String> tokens, Path output) throws Exception {
        Map<String, Long> writesBefore = ServerWrites.count(mongoUri);
        int emailsBefore = mail.getReceivedMessages().length;
        List<Profiles> profiles = new ArrayList<>();
        for (var process : processIds().entrySet()) {
            profiles.add(Profiles.start(process.getKey(), process.getValue(), output));
        }
        CreateLoad creates = createLoad(command, "bench-create", WARM_UP, MEASURE, tokens);
        StringBuilder profileTables = new StringBuilder();
        for (Profiles profile : profiles) {
            profileTables.append(profile.stop());
        }
        Files.writeString(output.resolve("profile.txt"), profileTables);
        awaitEmailsSent(Duration.ofMinutes(3));
        figures.put("create_per_s", creates.perSecond());
        figures.put("create_p50_ms", round(creates.latencies().percentile(50)));
        figures.put("create_p99_ms", round(creates.latencies().percentile(99)));
        figures.put("create_vs_raw", ratio(creates.perSecond(), (double) figures.get("raw_insert_per_s")));
        Map<String, Long> written = ServerWrites.difference(writesBefore, ServerWrites.count(mongoUri));
        figures.put("writes_per_create", round(written.values().stream().mapToLong(Long::longValue).sum()
                / (double) creates.acknowledged()));
        written.forEach((collection, count) -> moreFigures.put("writes_per_create " + collection,
                round(count / (double) creates.acknowledged())));
        moreFigures.put("emails_missing_after_creates",
                creates.acknowledged() - (mail.getReceivedMessages().length - emailsBefore));
        return creates;
    }

    /** The same clients against the plain CRUD service, after the same warm-up. */
    private void measureYardstick(CreateLoad creates) throws Exception {
        try (var yardstick = CrudYardstick.start(mongoUri)) {
            CreateLoad crud = createLoad(yardstick.baseUrl(), "bench-crud", JIT_WARM_UP, MEASURE,
                    new ConcurrentLinkedQueue<>());
            figures.put("crud_per_s", crud.perSecond());
            figures.put("crud_p99_ms", round(crud.latencies().percentile(99)));
            figures.put("create_vs_crud", ratio(creates.perSecond(), crud.perSecond()));
        }
    }

    /** Creates offered at 200 and then 100 per second; the lag at 200 per second, for the chart. */
    private Latencies measureOpenLoads() throws Exception {
        Latencies lag = new Latencies();
        openLoad("bench-lag", 200, (created, acknowledged) -> recordLag("bench-lag", created, acknowledged, lag));
        figures.put("lag_p50_ms", round(lag.percentile(50)));
        figures.put("lag_p99_ms", round(lag.percentile(99)));
        Latencies lagAt100 = new Latencies();
        Latencies createsAt100 = openLoad("bench-lag", 100,
                (created, acknowledged) -> recordLag("bench-lag", created, acknowledged, lagAt100));
        figures.put("create_p99_ms_at_100", round(createsAt100.percentile(99)));
        figures.put("lag_p99_ms_at_100", round(lagAt100.percentile(99)));
        return lag;
    }

    /** Webhook deliveries at 50 events per second, and at 10; those at 50, for the chart. */
    private Latencies measureWebhooks() throws Exception {
        Latencies webhooks = webhookDelivery(50);
        figures.put("webhook_p50_ms_at_50", round(webhooks.percentile(50)));
        figures.put("webhook_p99_ms_at_50", round(webhooks.percentile(99)));
        // a rate well within what the system sustains here: the delivery's own latency, without a backlog
        Latencies webhooksAt10 = webhookDelivery(10);
        moreFigures.put("webhook_p50_ms_at_10", round(webhooksAt10.percentile(50)));
        moreFigures.put("webhook_p99_ms_at_10", round(webhooksAt10.percentile(99)));
        return webhooks;
    }

    /** The processes profiled during the warm create load, by name: the two sides and the embedded server. */
    private static Map<String, String> processIds() {
        Map<String, String> processes = new LinkedHashMap<>();
        for (String side : List.of("command", "query", "mongo")) {
            String pid = System.getProperty("bench." + side + "-pid", "");
            if (!pid.isBlank()) {
                processes.put(side.equals("mongo") ? "embedded-mongo" : side + "-side", pid);
            }
        }
        return processes;
    }

    /** A ratio: two decimals, where the other figures have one. */
    private static double ratio(double numerator, double denominator) {
        return Math.round(100 * numerator / denominator) / 100.0;
    }

    /** Runs {@code load} with the query side's process stopped (SIGSTOP), so that none of its queries reach MongoDB. */
    private <T> T whileQuerySideIsStopped(Callable<T> load) throws Exception {
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
                JsonNode invitation = create(command, "bench-warm-up");
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
                error("no email for " + address + " within 10 s");
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
            error("the rebuild did not finish within 10 minutes");
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

    /**
     * Eight clients creating in {@code org} at {@code base} as fast as they are answered, for {@code unmeasured}
     * and then {@code measured}; only creates started in the measured part count in its latencies and rate.
     */
    private CreateLoad createLoad(String base, String org, Duration unmeasured, Duration measured,
                                  Queue<String> tokens) throws Exception {
        var latencies = new Latencies();
        var acknowledged = new AtomicInteger();
        long measureFrom = System.nanoTime() + unmeasured.toNanos();
        long end = measureFrom + measured.toNanos();
        runClients(() -> {
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                JsonNode created = create(base, org);
                long done = System.nanoTime();
                if (created != null && start >= measureFrom) {
                    latencies.record(start, done);
                }
                if (created != null) {
                    acknowledged.incrementAndGet();
                    tokens.add(created.get("invitationToken").asText());
                }
            }
        });
        return new CreateLoad(latencies, acknowledged.get(), measured);
    }

    /** What a {@link #createLoad} measured: the latencies of its measured part, and every create acknowledged. */
    private record CreateLoad(Latencies latencies, int acknowledged, Duration measured) {

        double perSecond() {
            return round(latencies.count() / (measured.toMillis() / 1000.0));
        }
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

    /**
     * Creates in {@code org} at a steady {@code perSecond} for five seconds, whatever the answers' pace (an open
     * loop), then runs {@code afterCreate} with each answer. The latencies are from each create's planned start, so
     * that a stalled answer also counts against the creates queued behind it.
     */
    private Latencies openLoad(String org, int perSecond, BiConsumer<JsonNode, Long> afterCreate) throws Exception {
        var latencies = new Latencies();
        ScheduledExecutorService pace = Executors.newScheduledThreadPool(1);
        ExecutorService workers = Executors.newFixedThreadPool(48);
        List<Future<?>> pending = new ArrayList<>();
        var paced = pace.scheduleAtFixedRate(() -> {
            long planned = System.nanoTime();
            pending.add(workers.submit(() -> {
                JsonNode created = create(command, org);
                long acknowledged = System.nanoTime();
                if (created != null) {
                    latencies.record(planned, acknowledged);
                    afterCreate.accept(created, acknowledged);
                }
            }));
        }, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        Thread.sleep(5_000);
        paced.cancel(false);
        pace.shutdown();
        pace.awaitTermination(5, TimeUnit.SECONDS);
        for (Future<?> each : List.copyOf(pending)) {
            each.get();
        }
        workers.shutdown();
        return latencies;
    }

    /**
     * From a create's 201 to the invitation answering 200 on the query side: asked with {@code minVersion=0}, the
     * contract's read of one's own writes, which the query side answers as soon as the view is written. One request
     * per create: polling the get from every worker would load the query side with thousands of requests a second.
     */
    private void recordLag(String org, JsonNode created, long acknowledged, Latencies lag) {
        recordLag(org, created, acknowledged, lag, Duration.ofSeconds(10));
    }

    /** The same, counted as an error once {@code limit} passed without the invitation visible. */
    private void recordLag(String org, JsonNode created, long acknowledged, Latencies lag, Duration limit) {
        if (created == null) {
            return;
        }
        String url = query + "/v1/orgs/" + org + "/invitations/" + created.get("id").asText() + "?minVersion=0";
        long giveUp = acknowledged + limit.toNanos();
        while (System.nanoTime() < giveUp) {
            if (sendQuietly("GET", url) == 200) {
                lag.record(acknowledged, System.nanoTime());
                return;
            }
            sleep(2);
        }
        error("invitation " + url + " not visible within " + limit);
    }

    /**
     * From an event's time in the store to its webhook delivery reaching a receiver on this machine, with creates
     * offered at {@code perSecond}, once the views caught up with what came before. The receiver answers 204 at once
     * and compares the event's {@code time} with its clock, the same machine's.
     */
    private Latencies webhookDelivery(int perSecond) throws Exception {
        recordLag("bench-lag", create(command, "bench-lag"), System.nanoTime(), new Latencies(),
                Duration.ofMinutes(3));
        var latencies = new Latencies();
        String org = "bench-webhook-" + perSecond;
        int port = JavaProcess.freePort();
        JsonNode endpoint = send("POST", command + "/v1/orgs/" + org + "/webhooks", "{\"url\":\"http://127.0.0.1:"
                + port + "/\",\"types\":[\"invitations.v1.InvitationCreated\"]}", 201);
        if (endpoint == null) {
            return latencies;
        }
        // the subscribers' example receiver: each delivery is verified before it counts
        try (var receiver = WebhookReceiver.start(port, endpoint.get("secret").asText(),
                delivery -> latencies.record(Duration.between(eventTime(delivery.body()), Instant.now())),
                refusal -> error("webhook delivery refused: " + refusal.reason()))) {
            var created = new AtomicInteger();
            openLoad(org, perSecond, (invitation, acknowledged) -> created.incrementAndGet());
            long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (latencies.count() < created.get() && System.nanoTime() < giveUp) {
                sleep(50);
            }
            if (latencies.count() < created.get()) {
                error("webhook deliveries: " + latencies.count() + " of " + created.get() + " within 30 s");
            }
        } finally {
            send("DELETE", command + "/v1/orgs/" + org + "/webhooks/" + endpoint.get("id").asText(), null, 204);
        }
        return latencies;
    }

    /** The {@code time} of a delivered CloudEvent: when the event was stored. */
    private static Instant eventTime(String body) {
        try {
            return Instant.parse(JSON.readTree(body).get("time").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private JsonNode create(String base, String org) {
        return send("POST", base + "/v1/orgs/" + org + "/invitations",
                "{\"invitedEmail\":\"bench" + emails.incrementAndGet() + "@example.com\",\"role\":\"member\"}", 201);
    }

    /** Counts an error for the {@code errors} figure; the first twenty are printed to the benchmark's log. */
    private void error(String what) {
        if (unexpected.incrementAndGet() <= 20) {
            System.out.println("error: " + what);
        }
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
                error(method + " " + url + " answered " + response.statusCode() + " " + response.body());
                return null;
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            error(method + " " + url + " failed: " + e);
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
