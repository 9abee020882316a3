package dev.invitations.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The processes of a local run on free ports and a fresh data directory: the embedded server and any number of
 * command and query sides, each startable, killable and restartable on its own.
 */
final class LocalSystem implements AutoCloseable {

    final int mongoPort = JavaProcess.freePort();
    final String mongoUri = "mongodb://127.0.0.1:" + mongoPort + "/invitations";
    private final Path dataDir;
    private final Map<String, JavaProcess> running = new HashMap<>();
    private Map<String, String> browserLinks = Map.of();

    LocalSystem() {
        try {
            dataDir = Files.createTempDirectory("invitations-system-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JavaProcess startMongo() {
        return track("embedded-mongo", JavaProcess.start("embedded-mongo", JavaProcess.EMBEDDED_MONGO,
                Map.of("MONGO_PORT", String.valueOf(mongoPort), "INVITATIONS_DATA_DIR", dataDir.toString()))
                .awaitPort(mongoPort));
    }

    JavaProcess startCommandSide(int port) {
        return track("command-side-" + port,
                JavaProcess.start("command-side-" + port, JavaProcess.COMMAND_SIDE, sideEnvironment(port))
                        .awaitReady(port));
    }

    JavaProcess startQuerySide(int port) {
        return track("query-side-" + port,
                JavaProcess.start("query-side-" + port, JavaProcess.QUERY_SIDE, sideEnvironment(port))
                        .awaitReady(port));
    }

    /**
     * Links the sides started from now on as a browser meets them: the invitation link opens the invitee's page on
     * the query side at {@code queryPort}, whose buttons call the command side at {@code commandPort}.
     */
    LocalSystem linkSidesForBrowser(int commandPort, int queryPort) {
        browserLinks = Map.of("INVITATIONS_ACCEPT_URL_BASE", "http://localhost:" + queryPort + "/invite",
                "INVITATIONS_COMMAND_URL_BASE", "http://localhost:" + commandPort);
        return this;
    }

    private Map<String, String> sideEnvironment(int port) {
        Map<String, String> environment = new HashMap<>(Map.of("SERVER_PORT", String.valueOf(port),
                "SPRING_DATA_MONGODB_URI", mongoUri,
                // load from a handful of callers is what these tests are about, not rate limits
                "INVITATIONS_RATE_LIMIT_PER_CALLER", "1000000",
                "INVITATIONS_RATE_LIMIT_PER_CLIENT_ADDRESS", "1000000"));
        environment.putAll(browserLinks);
        return environment;
    }

    private JavaProcess track(String name, JavaProcess process) {
        JavaProcess previous = running.put(name, process);
        if (previous != null) {
            previous.close();
        }
        return process;
    }

    @Override
    public void close() {
        // the sides first, the server last, as run-local.sh stops them
        running.entrySet().stream()
                .sorted((a, b) -> a.getKey().equals("embedded-mongo") ? 1 : b.getKey().equals("embedded-mongo") ? -1 : 0)
                .forEach(entry -> entry.getValue().close());
    }
}
