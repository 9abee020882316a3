package dev.invitations.security.apikey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The keys' last uses, remembered in memory and written in batches ({@link #flush}, every
 * {@code invitations.api-keys.last-used-flush-interval}): one write per key used since the last flush, however many
 * requests it made, never a write per request. A flush that fails keeps its uses for the next one; uses not yet
 * flushed when an instance dies are lost, which only makes {@code lastUsedTime} a little older.
 */
public class ApiKeyUses implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyUses.class);

    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private final BiConsumer<String, Instant> writer;
    private ScheduledExecutorService flushes;

    /** @param writer records one key's (by its hash) latest use */
    public ApiKeyUses(BiConsumer<String, Instant> writer) {
        this.writer = writer;
    }

    /** Flushes every {@code interval} from now on, in a thread of its own, until {@link #close}. */
    public synchronized void flushEvery(Duration interval) {
        flushes = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "api-key-uses");
            thread.setDaemon(true);
            return thread;
        });
        flushes.scheduleWithFixedDelay(this::flush, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the periodic flushes and writes what is left. */
    @Override
    public synchronized void close() {
        if (flushes != null) {
            flushes.shutdownNow();
        }
        flush();
    }

    public void record(String keyHash, Instant usedAt) {
        pending.merge(keyHash, usedAt, ApiKeyUses::later);
    }

    /** Writes the uses remembered since the last flush, one write per key. */
    public void flush() {
        for (String keyHash : pending.keySet()) {
            Instant usedAt = pending.remove(keyHash);
            if (usedAt == null) {
                continue;
            }
            try {
                writer.accept(keyHash, usedAt);
            } catch (RuntimeException failure) {
                pending.merge(keyHash, usedAt, ApiKeyUses::later);
                log.warn("API keys' last uses not recorded, retried at the next flush: {}", failure.toString());
                return;
            }
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
