package dev.invitations.security.apikey;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The batched {@code lastUsedTime}: one write per key and flush, however many requests it made. */
class ApiKeyUsesTest {

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    private final List<Map.Entry<String, Instant>> writes = new ArrayList<>();

    @Test
    void manyUsesOfAKeyAreOneWriteOfTheLatestAtTheFlush() {
        var uses = new ApiKeyUses((hash, at) -> writes.add(Map.entry(hash, at)));

        for (int i = 0; i < 100; i++) {
            uses.record("key-a", T0.plusMillis(i));
        }
        uses.record("key-b", T0);
        uses.record("key-a", T0); // an earlier use reported late does not move it back
        assertThat(writes).isEmpty();

        uses.flush();

        assertThat(writes).containsExactlyInAnyOrder(Map.entry("key-a", T0.plusMillis(99)), Map.entry("key-b", T0));
        uses.flush();
        assertThat(writes).hasSize(2); // nothing new: no write
    }

    @Test
    void aFailedFlushKeepsItsUsesForTheNext() {
        List<Map.Entry<String, Instant>> written = new ArrayList<>();
        boolean[] fail = {true};
        var uses = new ApiKeyUses((hash, at) -> {
            if (fail[0]) {
                throw new IllegalStateException("storage down");
            }
            written.add(Map.entry(hash, at));
        });
        uses.record("key-a", T0);

        uses.flush();
        fail[0] = false;
        uses.record("key-a", T0.minusSeconds(1));
        uses.flush();

        assertThat(written).containsExactly(Map.entry("key-a", T0));
    }

    @Test
    void closingWritesWhatIsLeft() {
        var uses = new ApiKeyUses((hash, at) -> writes.add(Map.entry(hash, at)));
        uses.record("key-a", T0);

        uses.close();

        assertThat(writes).containsExactly(Map.entry("key-a", T0));
    }
}
