package dev.invitations.testing;

import dev.invitations.embeddedmongo.EmbeddedMongoServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A durable embedded server of a test's own that the test stops and starts again, as a MongoDB that goes away and
 * comes back: the same port (so an application's connection string stays right) and the same data file. As a
 * static {@code @RegisterExtension} field, it is stopped for good after the test class.
 */
public final class RestartableMongo implements AutoCloseable, AfterAllCallback {

    private static final String HOST = "127.0.0.1";

    private final Path file;
    private final int port;
    private EmbeddedMongoServer server;

    /** Started, on a free port, with its data in a new temporary directory named after {@code name}. */
    public RestartableMongo(String name) {
        try {
            this.file = Files.createTempDirectory(name).resolve(name + ".mv.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.port = freePort();
        start();
    }

    /** {@code mongodb://host:port/database}, the same while the server is stopped. */
    public String uri(String database) {
        return "mongodb://" + HOST + ":" + port + "/" + database;
    }

    /**
     * Points a Spring application at {@code database} on this server, and has it give up on its storage after one
     * second ({@code invitations.event-store.storage-timeout}): while the server is stopped, requests fail fast.
     */
    public void use(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.data.mongodb.uri", () -> uri(database));
        registry.add("invitations.event-store.storage-timeout", () -> "1s");
    }

    /** Starts the server again on its port and data. */
    public synchronized void start() {
        server = EmbeddedMongoServer.durable(file, HOST, port);
    }

    /** Stops the server: its port refuses connections until {@link #start()}. */
    public synchronized void stop() {
        server.close();
        server = null;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
