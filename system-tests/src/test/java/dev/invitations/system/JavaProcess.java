package dev.invitations.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.awaitility.Awaitility.await;

/**
 * One of the system's processes started from its packaged jar on the tests' own java, as run-local.sh starts it
 * without a Java 25 (with one, run-local.sh runs the sides from their extracted jars with an AOT cache).
 */
final class JavaProcess implements AutoCloseable {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path EMBEDDED_MONGO = ROOT.resolve("embedded-mongo/target/embedded-mongo-exec.jar");
    static final Path COMMAND_SIDE = ROOT.resolve("command-side/target/command-side.jar");
    static final Path QUERY_SIDE = ROOT.resolve("query-side/target/query-side.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final String name;
    private final Process process;
    private final Path log;

    private JavaProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static JavaProcess start(String name, Path jar, Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms32m", "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
                "-Ddisable-axoniq-console-message=true",
                "-jar", jar.toString()));
        try {
            Path log = Files.createDirectories(ROOT.resolve("system-tests/target/process-logs")).resolve(name + ".log");
            var builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return new JavaProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code port} accepts connections. */
    JavaProcess awaitPort(int port) {
        awaitUntil(() -> {
            try (var ignored = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
        return this;
    }

    /** Waits until the Spring Boot application on {@code port} reports itself ready. */
    JavaProcess awaitReady(int port) {
        var http = HttpClient.newHttpClient();
        var readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        awaitUntil(() -> {
            try {
                return http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        return this;
    }

    /** Waits for the process to end by itself, as one that refuses to start does; its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " still runs after " + START_TIMEOUT);
        }
        return process.exitValue();
    }

    /** What the process wrote to its standard output and error. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void killDashNine() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                killDashNine();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killDashNine();
        }
    }

    private void awaitUntil(BooleanSupplier ready) {
        await(name + " started").atMost(START_TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (ready.getAsBoolean()) {
                        return true;
                    }
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited during start-up; see target/process-logs");
                    }
                    return false;
                });
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
