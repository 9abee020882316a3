package dev.invitations.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.MongoForTests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * The real query side on a random port, on the tests' MongoDB (the JVM's one embedded server, see
 * {@link MongoForTests}). Test classes that extend this share one application context; each works in orgs of its
 * own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EventsForTests.class)
public abstract class RunningQuerySide {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    protected int port;

    @Autowired
    protected EventsForTests events;

    @DynamicPropertySource
    static void embeddedMongo(DynamicPropertyRegistry registry) {
        MongoForTests.use(registry, "query-side-tests");
        // webhook deliveries to the tests' receivers on this machine, with timings short enough for a test; here for
        // every test, so that one context serves them all (a second one would go on processing while a test stops
        // the processors of this one)
        registry.add("invitations.webhooks.allow-http", () -> "true");
        registry.add("invitations.webhooks.allow-private-targets", () -> "true");
        registry.add("invitations.webhooks.timeout", () -> "PT1S");
        registry.add("invitations.webhooks.first-retry-delays", () -> "PT0.2S,PT0.2S,PT0.3S");
        registry.add("invitations.webhooks.max-retry-delay", () -> "PT0.5S");
        registry.add("invitations.webhooks.give-up-after", () -> "PT4S");
        registry.add("invitations.webhooks.poll-interval", () -> "PT0.05S");
    }

    protected static String newOrg() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A client that may read every org. */
    protected HttpForTests reader() {
        return new HttpForTests(port, JwtsForTests.bearer("reader-1", "org.user.read", "*"));
    }

    /** Polls {@code read} until its value passes {@code done}; the views are eventually consistent. */
    protected static <T> T eventually(Supplier<T> read, Predicate<T> done) {
        return eventually(read, done, PATIENCE);
    }

    protected static <T> T eventually(Supplier<T> read, Predicate<T> done, Duration patience) {
        return await().atMost(patience).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(25))
                .until(read::get, done);
    }

    /** Waits until the invitation's view has reached {@code version}. */
    protected JsonNode viewAt(String orgId, String id, long version) {
        return eventually(() -> reader().get("/v1/orgs/" + orgId + "/invitations/" + id),
                answer -> answer.status() == 200 && answer.header("ETag").orElse("").equals("\"" + version + "\""))
                .body();
    }
}
