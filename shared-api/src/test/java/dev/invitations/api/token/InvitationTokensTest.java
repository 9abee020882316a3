package dev.invitations.api.token;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvitationTokensTest {

    private static final String ID = UUID.randomUUID().toString();
    private static final byte[] FIRST = bytes("the-first-secret-of-at-least-32-bytes");
    private static final byte[] SECOND = bytes("the-second-secret-of-at-least-32-bytes");
    private final InvitationTokens tokens = new InvitationTokens(FIRST);

    @Test
    void aTokenIsUrlSafeCarries256SecretBitsAndNamesItsInvitation() {
        String token = tokenOf(tokens, 1);

        assertThat(token).matches("[A-Za-z0-9_-]{64}");
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        assertThat(bytes).hasSize(16 + 32);
        assertThat(InvitationTokens.invitationIdOf(token)).hasValue(ID);
    }

    @Test
    void everySendHasItsOwnTokenAndOnlyTheSecretReproducesIt() {
        assertThat(tokenOf(tokens, 1)).isEqualTo(tokenOf(tokens, 1));
        assertThat(tokenOf(tokens, 2)).isNotEqualTo(tokenOf(tokens, 1));
        assertThat(tokenOf(new InvitationTokens(SECOND), 1)).isNotEqualTo(tokenOf(tokens, 1));
    }

    @Test
    void theStoredHashIsNeitherTheTokenNorItsVerifier() {
        String token = tokenOf(tokens, 1);
        String hash = tokens.hashOf(ID, 1);

        assertThat(hash).isEqualTo(tokens.hash(token).orElseThrow()).doesNotContain(token.substring(22));
        assertThat(InvitationTokens.sameHash(hash, tokens.hash(token).orElseThrow())).isTrue();
        assertThat(InvitationTokens.sameHash(hash, tokens.hashOf(ID, 2))).isFalse();
        assertThat(InvitationTokens.sameHash(hash, null)).isFalse();
    }

    @Test
    void anythingThatIsNotAWellFormedTokenNamesNoInvitationAndHasNoHash() {
        // the last: 64 characters that decode, padding included, to 46 bytes instead of an id and a verifier
        for (String malformed : new String[]{null, "short", "*".repeat(64), "1." + "*".repeat(64), "-." + "A".repeat(64),
                "1." + "A".repeat(63), "A".repeat(62) + "=="}) {
            assertThat(InvitationTokens.invitationIdOf(malformed)).as(malformed).isEmpty();
            assertThat(tokens.hash(malformed)).as(malformed).isEmpty();
        }
    }

    @Test
    void refusesASecretShorterThan32BytesAndAKeyIdThatCouldNotTravelInAToken() {
        assertThatThrownBy(() -> new InvitationTokens(bytes("too-short"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvitationTokens("a.b", Map.of("a.b", FIRST)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvitationTokens("2", Map.of("1", FIRST)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class Rotation {

        private final InvitationTokens beforeRotation = new InvitationTokens("1", Map.of("1", FIRST));
        private final InvitationTokens afterRotation = new InvitationTokens("2", Map.of("1", FIRST, "2", SECOND));
        private final InvitationTokens afterRetiring = new InvitationTokens("2", Map.of("2", SECOND));

        @Test
        void aTokenNamesItsKeyAndStillVerifiesOnceAnotherKeyIssues() {
            String storedHash = beforeRotation.hashOf(ID, 1);
            String token = beforeRotation.issue(ID, 1, storedHash);

            assertThat(token).startsWith("1.").hasSize(66);
            assertThat(InvitationTokens.invitationIdOf(token)).hasValue(ID);
            assertThat(afterRotation.hash(token)).hasValue(storedHash);
            // the email of a send recorded before the rotation still carries that send's token
            assertThat(afterRotation.issue(ID, 1, storedHash)).isEqualTo(token);
        }

        @Test
        void newSendsAreIssuedUnderTheCurrentKey() {
            String storedHash = afterRotation.hashOf(ID, 2);

            assertThat(storedHash).startsWith("2.");
            assertThat(afterRotation.issue(ID, 2, storedHash)).startsWith("2.");
            assertThat(afterRotation.hash(afterRotation.issue(ID, 2, storedHash))).hasValue(storedHash);
        }

        @Test
        void aRetiredKeysTokensHaveNoHashAndCannotBeIssuedAgain() {
            String storedHash = beforeRotation.hashOf(ID, 1);
            String token = beforeRotation.issue(ID, 1, storedHash);

            assertThat(afterRetiring.hash(token)).isEmpty();
            assertThatThrownBy(() -> afterRetiring.issue(ID, 1, storedHash))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("token key 1 was retired");
        }

        @Test
        void theUnnamedKeysTokensAndHashesCarryNoIdSoLinksFromBeforeTheRingKeepWorking() {
            InvitationTokens ringWithTheOldSecret = new InvitationTokens("2",
                    Map.of(InvitationTokens.UNNAMED_KEY_ID, FIRST, "2", SECOND));
            String hashBeforeTheRing = tokens.hashOf(ID, 1);
            String tokenBeforeTheRing = tokenOf(tokens, 1);

            assertThat(ringWithTheOldSecret.hash(tokenBeforeTheRing)).hasValue(hashBeforeTheRing);
            assertThat(ringWithTheOldSecret.issue(ID, 1, hashBeforeTheRing)).isEqualTo(tokenBeforeTheRing);
            assertThat(ringWithTheOldSecret.issue(ID, 1, null)).isEqualTo(tokenBeforeTheRing);
        }

        @Test
        void aTokenForgedWithAnotherSecretUnderACurrentKeyIdDoesNotMatchTheStoredHash() {
            var forger = new InvitationTokens("2", Map.of("2", bytes("local-development-token-secret-not-for-production")));
            String forged = forger.issue(ID, 1, forger.hashOf(ID, 1));

            assertThat(afterRotation.hash(forged)).isPresent().get().isNotEqualTo(afterRotation.hashOf(ID, 1));
        }
    }

    private static String tokenOf(InvitationTokens tokens, int sendCount) {
        return tokens.issue(ID, sendCount, tokens.hashOf(ID, sendCount));
    }

    private static byte[] bytes(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
