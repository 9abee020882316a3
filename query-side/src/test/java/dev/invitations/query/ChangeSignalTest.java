package dev.invitations.query;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeSignalTest {

    private final ChangeSignal signal = new ChangeSignal();

    @Test
    void aChangeBetweenTheReadAndTheWaitIsSeen() {
        try (var watch = signal.watch("inv-1")) {
            // the reader read here and found nothing new; the writer wrote before the reader began to wait
            signal.changed("inv-1");
            assertThat(watch.awaitChange(inAMinute())).isTrue();
        }
    }

    @Test
    void aChangeOfAnotherKeyDoesNotWakeTheReader() {
        try (var watch = signal.watch("inv-1")) {
            signal.changed(List.of("inv-2", "inv-3"));
            assertThat(watch.awaitChange(System.nanoTime())).isFalse();
        }
    }

    @Test
    void aWaitEndsWithTheChangeOfItsKey() throws Exception {
        try (var watch = signal.watch("org-1")) {
            CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(() -> {
                boolean changed = false;
                long deadline = inAMinute();
                while (!changed && System.nanoTime() < deadline) {
                    changed = watch.awaitChange(deadline);
                }
                return changed;
            });
            signal.changed("org-1");
            assertThat(waited.get(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void eachChangeIsSeenOnce() {
        try (var watch = signal.watch("inv-1")) {
            signal.changed("inv-1");
            assertThat(watch.awaitChange(inAMinute())).isTrue();
            assertThat(watch.awaitChange(System.nanoTime())).isFalse();
        }
    }

    @Test
    void droppingAViewWakesEveryReader() {
        try (var first = signal.watch("inv-1"); var second = signal.watch("org-2")) {
            signal.changedAll();
            assertThat(first.awaitChange(inAMinute())).isTrue();
            assertThat(second.awaitChange(inAMinute())).isTrue();
        }
    }

    @Test
    void twoReadersOfOneKeyBothSeeItsChangeAndOneLeavingDoesNotBlindTheOther() {
        try (var staying = signal.watch("inv-1")) {
            try (var leaving = signal.watch("inv-1")) {
                signal.changed("inv-1");
                assertThat(leaving.awaitChange(inAMinute())).isTrue();
            }
            assertThat(staying.awaitChange(inAMinute())).isTrue();
            signal.changed("inv-1");
            assertThat(staying.awaitChange(inAMinute())).isTrue();
        }
    }

    @Test
    void aChangeBeforeTheWatchBeganIsNotSeen() {
        signal.changed("inv-1");
        try (var watch = signal.watch("inv-1")) {
            assertThat(watch.awaitChange(System.nanoTime())).isFalse();
        }
    }

    private static long inAMinute() {
        return System.nanoTime() + Duration.ofMinutes(1).toNanos();
    }
}
