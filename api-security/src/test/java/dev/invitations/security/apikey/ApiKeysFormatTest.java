package dev.invitations.security.apikey;

import dev.invitations.api.apikey.ApiKeys;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key format and its keyed hash. */
class ApiKeysFormatTest {

    private static final ApiKeys KEYS = new ApiKeys("a-server-secret-of-at-least-32-bytes-long".getBytes(
            StandardCharsets.UTF_8));

    @Test
    void keysAreInvAnd256RandomBitsInBase64url() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String key = ApiKeys.newKey();
            assertThat(key).matches("inv_[A-Za-z0-9_-]{43}");
            assertThat(ApiKeys.isWellFormed(key)).isTrue();
            assertThat(seen.add(key)).isTrue();
        }
        assertThat(ApiKeys.prefixOf("inv_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ")).isEqualTo("abcdefgh");
        assertThat(ApiKeys.isWellFormed("inv_" + "A".repeat(42))).isFalse();
        assertThat(ApiKeys.isWellFormed("inv_" + "A".repeat(42) + "+")).isFalse();
        assertThat(ApiKeys.isWellFormed(null)).isFalse();
    }

    @Test
    void theHashIsKeyedAndStable() {
        String key = ApiKeys.newKey();
        var otherServer = new ApiKeys("another-server-secret-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8));

        assertThat(KEYS.hash(key)).isEqualTo(KEYS.hash(key)).hasSize(43).doesNotContain(key.substring(4));
        assertThat(otherServer.hash(key)).isNotEqualTo(KEYS.hash(key));
        assertThatThrownBy(() -> new ApiKeys(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
