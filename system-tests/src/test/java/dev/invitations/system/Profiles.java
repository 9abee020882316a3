package dev.invitations.system;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where a process's CPU goes during one phase of the benchmark, two ways: its threads' CPU time from
 * {@code /proc/<pid>/task} (which also shows the garbage collector and the JIT compiler, invisible to a sampler of
 * Java code), and a Java Flight Recorder sample of its running Java code, each sample counted for the library of its
 * innermost frame (self time). The recording is started and dumped with the JDK's {@code jcmd}.
 */
final class Profiles {

    /** Package prefixes and the name a table shows for them; the first that matches the frame wins. */
    private static final Map<String, String> LIBRARIES = libraries();

    private final Map<String, Long> threadTicksAtStart;
    private final String pid;
    private final String name;
    private final Path recording;

    private Profiles(String name, String pid, Path recording) throws IOException {
        this.name = name;
        this.pid = pid;
        this.recording = recording;
        this.threadTicksAtStart = threadTicks(pid);
    }

    /** Starts profiling {@code pid}; {@link #stop} writes what it saw to the recording file and returns the table. */
    static Profiles start(String name, String pid, Path directory) throws Exception {
        Path recording = directory.resolve(name + ".jfr").toAbsolutePath();
        Files.deleteIfExists(recording);
        jcmd(pid, "JFR.start", "name=bench", "settings=profile");
        return new Profiles(name, pid, recording);
    }

    /** Stops the recording; a table of this process's CPU by thread group and by library, in percent. */
    String stop() throws Exception {
        Map<String, Long> threadTicks = threadTicks(pid);
        jcmd(pid, "JFR.stop", "name=bench", "filename=" + recording);
        Map<String, Long> used = new TreeMap<>();
        threadTicks.forEach((thread, ticks) -> used.merge(threadGroup(thread),
                ticks - threadTicksAtStart.getOrDefault(thread, 0L), Long::sum));
        return table(name + ": CPU time by thread (ticks of 10 ms)", used)
                + table(name + ": samples of running Java code by library", samplesByLibrary());
    }

    private Map<String, Long> samplesByLibrary() throws IOException {
        Map<String, Long> samples = new TreeMap<>();
        try (var file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                    List<RecordedFrame> frames = event.getStackTrace().getFrames();
                    samples.merge(frames.isEmpty() ? "other" : library(frames.get(0)), 1L, Long::sum);
                }
            }
        }
        return samples;
    }

    private static String library(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return LIBRARIES.entrySet().stream().filter(entry -> type.startsWith(entry.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse("other");
    }

    private static String table(String title, Map<String, Long> counts) {
        long total = Math.max(1, counts.values().stream().mapToLong(Long::longValue).sum());
        var rows = new StringBuilder(title).append(" (").append(total).append(")\n");
        counts.entrySet().stream().filter(entry -> entry.getValue() * 100 >= total)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> rows.append(String.format("  %-34s %5.1f %%%n", entry.getKey(),
                        100.0 * entry.getValue() / total)));
        return rows.toString();
    }

    /** CPU ticks (user and system) of each live thread, by "thread-id name". */
    private static Map<String, Long> threadTicks(String pid) throws IOException {
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", pid, "task"))) {
            tasks.forEach(task -> {
                try {
                    // "<tid> (<name>) <state> <ppid> ...": utime and stime are the 12th and 13th fields after the name
                    String stat = Files.readString(task.resolve("stat"));
                    int nameEnd = stat.lastIndexOf(')');
                    String[] after = stat.substring(nameEnd + 2).split(" ");
                    String thread = stat.substring(0, stat.indexOf(" (")) + " "
                            + stat.substring(stat.indexOf('(') + 1, nameEnd);
                    ticks.put(thread, Long.parseLong(after[11]) + Long.parseLong(after[12]));
                } catch (IOException threadEnded) {
                    // gone between the listing and the read: its time is no longer counted anywhere
                }
            });
        }
        return ticks;
    }

    /**
     * "1234 GC Thread#1" → "GC Thread#", "1235 http-nio-26535-" → "http-nio--": thread names without their id, ports and
     * numbering, but with the JIT compiler's "C1" and "C2" kept.
     */
    private static String threadGroup(String idAndName) {
        return idAndName.substring(idAndName.indexOf(' ') + 1).replaceAll("(?<!C)[0-9]+", "");
    }

    private static void jcmd(String pid, String... command) throws Exception {
        var arguments = new ArrayList<>(List.of("jcmd", pid));
        arguments.addAll(List.of(command));
        Process process = new ProcessBuilder(arguments).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", arguments) + " failed: " + output);
        }
    }

    private static Map<String, String> libraries() {
        var libraries = new LinkedHashMap<String, String>();
        libraries.put("dev.invitations.", "the service's own code");
        libraries.put("org.axonframework.", "Axon");
        libraries.put("com.fasterxml.jackson.", "Jackson");
        libraries.put("com.mongodb.", "MongoDB driver");
        libraries.put("org.bson.", "MongoDB driver");
        libraries.put("de.bwaldvogel.", "embedded server");
        libraries.put("org.h2.", "H2 store");
        libraries.put("io.netty.", "Netty");
        libraries.put("org.springframework.", "Spring");
        libraries.put("org.apache.catalina.", "Tomcat");
        libraries.put("org.apache.coyote.", "Tomcat");
        libraries.put("org.apache.tomcat.", "Tomcat");
        libraries.put("ch.qos.logback.", "logging");
        libraries.put("org.slf4j.", "logging");
        libraries.put("jakarta.mail.", "mail");
        libraries.put("org.eclipse.angus.", "mail");
        libraries.put("io.github.bucket4j.", "Bucket4j");
        libraries.put("com.nimbusds.", "JWT");
        libraries.put("javax.crypto.", "JDK crypto");
        libraries.put("com.sun.crypto.", "JDK crypto");
        libraries.put("sun.security.", "JDK crypto");
        libraries.put("java.util.regex.", "JDK regex");
        libraries.put("sun.nio.", "JDK I/O");
        libraries.put("java.io.", "JDK I/O");
        libraries.put("java.nio.", "JDK I/O");
        libraries.put("java.lang.reflect.", "JDK reflection");
        libraries.put("jdk.internal.reflect.", "JDK reflection");
        libraries.put("java.", "JDK other");
        libraries.put("jdk.", "JDK other");
        libraries.put("sun.", "JDK other");
        return libraries;
    }
}
