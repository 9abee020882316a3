package dev.invitations.command;

import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.MongoForTests;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.UUID;

/**
 * The real command side on a random port, on the tests' MongoDB: the JVM's one embedded MongoDB-compatible server,
 * or a real one (see {@link MongoForTests}). Each kind of application context gets a database of its own: contexts
 * stay alive side by side in a test JVM, and their sagas and deadlines must not pick up each other's work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class CommandSideOnEmbeddedMongo {

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    /** An admin of every org, over HTTP. */
    protected HttpForTests http;
    /** The invitation events in the event store, to wait for what the saga does. */
    protected StoredEventsForTests events;
    /** An org of the test's own, so that tests sharing the application do not meet. */
    protected String org;

    @BeforeEach
    void callAsAnAdminOfANewOrg() {
        http = new HttpForTests(port, JwtsForTests.bearer("admin-1", JwtsForTests.EVERYTHING, "*"));
        events = new StoredEventsForTests(mongo);
        org = "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void useDatabase(DynamicPropertyRegistry registry, String database) {
        MongoForTests.use(registry, database);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("invitations.deadlines.poll-interval", () -> "100ms");
    }
}
