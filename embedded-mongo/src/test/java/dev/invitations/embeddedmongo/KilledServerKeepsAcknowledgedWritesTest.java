package dev.invitations.embeddedmongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The server run by {@code run-local.sh}, as its own process, killed with SIGKILL while writers are busy: every
 * write it acknowledged before dying must be there after a restart on the same file.
 */
class KilledServerKeepsAcknowledgedWritesTest {

    private static final int WRITERS = 4;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
        int port = freePort();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();

        Process server = startServer(port);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try (MongoClient client = MongoClients.create(uri(port))) {
            MongoCollection<Document> docs = client.getDatabase("durability").getCollection("docs");
            docs.insertOne(new Document("_id", "warm-up"));
            acknowledged.add("warm-up");
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                running.add(writers.submit(() -> writeUntilRefused(docs, writer, acknowledged)));
            }
            Thread.sleep(1_500);
            server.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no final flush
            for (Future<?> writer : running) {
                writer.get();
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(acknowledged).hasSizeGreaterThan(100);

        Process restarted = startServer(port);
        try (MongoClient client = MongoClients.create(uri(port))) {
            Set<String> stored = new HashSet<>();
            client.getDatabase("durability").getCollection("docs").find()
                    .forEach(doc -> stored.add(doc.getString("_id")));
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertThat(lost).as("acknowledged writes lost to kill -9").isEmpty();
        } finally {
            restarted.destroyForcibly().waitFor();
        }
    }

    /** Inserts one document after another until the server is gone; records the ones it acknowledged. */
    private static void writeUntilRefused(MongoCollection<Document> docs, int writer, Set<String> acknowledged) {
        for (int i = 0; ; i++) {
            String id = writer + "-" + i;
            try {
                docs.insertOne(new Document("_id", id).append("payload", "x".repeat(200)));
            } catch (RuntimeException serverGone) {
                return;
            }
            acknowledged.add(id);
        }
    }

    private Process startServer(int port) throws IOException {
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedMongoServer.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server.log").toFile());
        builder.environment().put("MONGO_PORT", String.valueOf(port));
        builder.environment().put("INVITATIONS_DATA_DIR", dataDir.toString());
        Process process = builder.start();
        try {
            awaitListening(port, process);
        } catch (AssertionError | RuntimeException notListening) {
            process.destroyForcibly(); // a server that never answered must not outlive the test
            throw notListening;
        }
        return process;
    }

    private static void awaitListening(int port, Process process) {
        await("the server listening on " + port).atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    assertThat(process.isAlive()).as("server process alive").isTrue();
                    try (var ignored = new Socket("127.0.0.1", port)) {
                        return true;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    private static String uri(int port) {
        // fail fast once the server is gone instead of waiting out the driver's 30 s server selection
        return "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=1000";
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
