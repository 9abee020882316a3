package dev.invitations.embeddedmongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB-compatible server (mongo-java-server) on a real TCP port, which the official driver reaches unchanged.
 * {@code run-local.sh} runs {@link #main} as its own process, so that both sides reach the same server and either
 * side can be restarted on its own; the tests start one in-memory server per JVM through {@link #shared()}.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    /** Not named logback.xml: on a test classpath that name would take over the applications' logging. */
    private static final String LOGGING_CONFIGURATION = "embedded-mongo-logback.xml";
    private static EmbeddedMongoServer shared;
    /**
     * The server handles each connection's commands on its event loop thread, and a write waits there for its
     * commit. With netty's default of two threads per core, a read would queue behind other connections' commits (tens
     * of milliseconds each), and at most four writers could share a commit. A thread per busy connection avoids both.
     */
    private static final int CONNECTION_THREADS = 128;

    private final MongoServer server;
    private final MongoBackend backend;
    private final String connectionString;

    private EmbeddedMongoServer(MongoBackend backend, String host, int port) {
        this.backend = backend;
        this.server = new MongoServer(backend);
        server.bind(new InetSocketAddress(host, port), 1, CONNECTION_THREADS);
        var address = server.getLocalAddress();
        this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** A server whose data lives in {@code file} and survives a killed process (see {@link DurableH2Backend}). */
    public static EmbeddedMongoServer durable(Path file, String host, int port) {
        return new EmbeddedMongoServer(CompactingBackend.open(file), host, port);
    }

    /** A throw-away server in memory on a free loopback port. */
    public static EmbeddedMongoServer inMemory() {
        return new EmbeddedMongoServer(new IndexedMemoryBackend(), "127.0.0.1", 0);
    }

    /** One in-memory server for the whole JVM: tests share it instead of paying a start each. */
    public static synchronized EmbeddedMongoServer shared() {
        if (shared == null) {
            shared = inMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-mongo-shutdown"));
        }
        return shared;
    }

    /** {@code mongodb://host:port}, without a database. */
    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }

    /**
     * Runs the durable server until the process is stopped. Environment: {@code MONGO_PORT} (27017),
     * {@code INVITATIONS_DATA_DIR} (./data), {@code MONGO_HOST} (127.0.0.1).
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        System.setProperty("logback.configurationFile", LOGGING_CONFIGURATION);
        Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);
        int port = Integer.parseInt(env("MONGO_PORT", "27017"));
        String host = env("MONGO_HOST", "127.0.0.1");
        Path dataDir = Path.of(env("INVITATIONS_DATA_DIR", "data"));
        Files.createDirectories(dataDir);
        // a new name for the BSON format: a file of the old one would be misread, and is left as it is
        Path file = dataDir.resolve("invitations-v2.mv.db");
        Path oldFormatFile = dataDir.resolve("invitations.mv.db");
        if (Files.exists(oldFormatFile)) {
            log.warn("{} is left unused: its documents are in the old format (Java serialization), which this server"
                    + " no longer reads. The data is kept in {} instead; delete the old file once it is not needed.",
                    oldFormatFile.toAbsolutePath(), file.getFileName());
        }

        var server = durable(file, host, port);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "embedded-mongo-shutdown"));
        log.info("Embedded MongoDB-compatible server listening on {} (data in {})",
                server.connectionString(), file.toAbsolutePath());
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
