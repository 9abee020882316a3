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
    private final Map<String, String> sideSettings = new HashMap<>();

    LocalSystem() {
        try {
            dataDir = Files.createTempDirectory("invitations-system-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded server's {@code INVITATIONS_DATA_DIR}: every file it keeps on disk is under it. */
    Path dataDir() {
        return dataDir;
    }

    JavaProcess startMongo() {
        return track("embedded-mongo", JavaProcess.start("embedded-mongo", JavaProcess.EMBEDDED_MONGO,
                Map.of("MONGO_PORT", String.valueOf(mongoPort), "INVITATIONS_DATA_DIR", dataDir.toString()))
                .awaitPort(mongoPort));
    }

    JavaProcess startCommandSide(int port) {
        return launch(JavaProcess.COMMAND_SIDE, port).awaitReady(port);
    }

    JavaProcess startQuerySide(int port) {
        return launch(JavaProcess.QUERY_SIDE, port).awaitReady(port);
    }

    /** Starts a side from {@code jar} without waiting for it to be ready: one that should refuse to start, say. */
    JavaProcess launch(Path jar, int port) {
        String name = jar.getFileName().toString().replace(".jar", "") + "-" + port;
        return track(name, JavaProcess.start(name, jar, sideEnvironment(port)));
    }

    /** The sides started from now on have the environment variable {@code name}; an empty value unsets one. */
    LocalSystem set(String name, String value) {
        sideSettings.put(name, value);
        return this;
    }

    /**
     * Links the sides started from now on as a browser meets them: the invitation link opens the invitee's page on
     * the query side at {@code queryPort}, whose buttons call the command side at {@code commandPort}.
     */
    LocalSystem linkSidesForBrowser(int commandPort, int queryPort) {
        sideSettings.put("INVITATIONS_ACCEPT_URL_BASE", "http://localhost:" + queryPort + "/invite");
        sideSettings.put("INVITATIONS_COMMAND_URL_BASE", "http://localhost:" + commandPort);
        return this;
    }

    /** The sides started from now on send their emails to the SMTP server on this machine's {@code smtpPort}. */
    LocalSystem sendEmailsTo(int smtpPort) {
        sideSettings.put("SPRING_MAIL_HOST", "127.0.0.1");
        sideSettings.put("SPRING_MAIL_PORT", String.valueOf(smtpPort));
        return this;
    }

    /** The sides started from now on accept invitations that live as little as {@code minimumTtl} (ISO-8601). */
    LocalSystem allowTtlsFrom(String minimumTtl) {
        sideSettings.put("INVITATIONS_TTL_MINIMUM", minimumTtl);
        return this;
    }

    private Map<String, String> sideEnvironment(int port) {
        Map<String, String> environment = new HashMap<>(Map.of("SERVER_PORT", String.valueOf(port),
                "SPRING_DATA_MONGODB_URI", mongoUri,
                // the built-in secrets
                "SPRING_PROFILES_ACTIVE", "local",
                // load from a handful of callers is what these tests are about, not rate limits
                "INVITATIONS_RATE_LIMIT_PER_CALLER", "1000000",
                "INVITATIONS_RATE_LIMIT_PER_CLIENT_ADDRESS", "1000000"));
        environment.putAll(sideSettings);
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
