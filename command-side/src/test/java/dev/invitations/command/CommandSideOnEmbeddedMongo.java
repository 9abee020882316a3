package dev.invitations.command;

import dev.invitations.embeddedmongo.EmbeddedMongoServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real command side on a random port, on the JVM's one embedded MongoDB-compatible server. Each kind of
 * application context gets a database of its own: contexts stay alive side by side in a test JVM, and their sagas
 * and deadlines must not pick up each other's work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class CommandSideOnEmbeddedMongo {

    @LocalServerPort
    protected int port;

    static void useDatabase(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.data.mongodb.uri",
                () -> EmbeddedMongoServer.shared().connectionString() + "/" + database);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("invitations.deadlines.poll-interval", () -> "100ms");
    }
}
