package dev.invitations.command;

import dev.invitations.embeddedmongo.EmbeddedMongoServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real command side on a random port, on the JVM's one embedded MongoDB-compatible server. Test classes that
 * extend this share one application context, so the server and the application start once per test run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningCommandSide {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void embeddedMongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri",
                () -> EmbeddedMongoServer.shared().connectionString() + "/command-side-tests");
    }
}
