package dev.invitations.testing;

import dev.invitations.embeddedmongo.EmbeddedMongoServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.UUID;

/**
 * The MongoDB the tests share: the JVM's one embedded server ({@link EmbeddedMongoServer#shared()}), or, when the
 * environment variable {@value #URI_VARIABLE} holds a connection string, that server instead. On such a server
 * each test run works in databases of its own: every database name gets a random suffix, chosen once per JVM, so
 * that runs never see each other's data (nothing drops them afterwards).
 * <p>
 * Tests that need the embedded server itself (stopping or killing it, its storage) start their own, see
 * {@link RestartableMongo}.
 */
public final class MongoForTests {

    public static final String URI_VARIABLE = "INVITATIONS_TEST_MONGODB_URI";

    private static final String REAL_URI = System.getenv(URI_VARIABLE);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private MongoForTests() {
    }

    /** Whether the tests run on the MongoDB named by {@value #URI_VARIABLE}. */
    public static boolean real() {
        return REAL_URI != null && !REAL_URI.isBlank();
    }

    /** The connection string, for a driver's own client; pick databases with {@link #database(String)}. */
    public static String connectionString() {
        return real() ? REAL_URI : EmbeddedMongoServer.shared().connectionString();
    }

    /** The name the tests' database {@code name} has on the server: this run's own on a real MongoDB. */
    public static String database(String name) {
        return real() ? name + "-" + RUN : name;
    }

    /**
     * Points a Spring application at database {@code name} on the tests' MongoDB: the database is a property of its
     * own, so the connection string's credentials and options stay as they are.
     */
    public static void use(DynamicPropertyRegistry registry, String name) {
        registry.add("spring.data.mongodb.uri", MongoForTests::connectionString);
        registry.add("spring.data.mongodb.database", () -> database(name));
    }
}
