package dev.invitations.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Recorded durations in milliseconds, and their percentiles. */
final class Latencies {

    private final List<Double> millis = Collections.synchronizedList(new ArrayList<>());

    void record(long startNanos, long endNanos) {
        millis.add((endNanos - startNanos) / 1e6);
    }

    void record(Duration duration) {
        millis.add(duration.toNanos() / 1e6);
    }

    int count() {
        return millis.size();
    }

    double percentile(double p) {
        List<Double> sorted;
        synchronized (millis) {
            sorted = new ArrayList<>(millis);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
