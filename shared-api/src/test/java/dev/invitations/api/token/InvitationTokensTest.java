package dev.invitations.api.token;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvitationTokensTest {

    private static final String ID = UUID.randomUUID().toString();
    private final InvitationTokens tokens = tokensWith("the-first-secret-of-at-least-32-bytes");

    @Test
    void aTokenIsUrlSafeCarries256SecretBitsAndNamesItsInvitation() {
        String token = tokens.issue(ID, 1);

        assertThat(token).matches("[A-Za-z0-9_-]{64}");
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        assertThat(bytes).hasSize(16 + 32);
        assertThat(InvitationTokens.invitationIdOf(token)).hasValue(ID);
    }

    @Test
    void everySendHasItsOwnTokenAndOnlyTheSecretReproducesIt() {
        assertThat(tokens.issue(ID, 1)).isEqualTo(tokens.issue(ID, 1));
        assertThat(tokens.issue(ID, 2)).isNotEqualTo(tokens.issue(ID, 1));
        assertThat(tokensWith("another-secret-of-at-least-32-bytes!").issue(ID, 1)).isNotEqualTo(tokens.issue(ID, 1));
    }

    @Test
    void theStoredHashIsNeitherTheTokenNorItsVerifier() {
        String token = tokens.issue(ID, 1);
        String hash = tokens.hashOf(ID, 1);

        assertThat(hash).isEqualTo(tokens.hash(token)).doesNotContain(token.substring(22));
        assertThat(InvitationTokens.sameHash(hash, tokens.hash(token))).isTrue();
        assertThat(InvitationTokens.sameHash(hash, tokens.hashOf(ID, 2))).isFalse();
        assertThat(InvitationTokens.sameHash(hash, null)).isFalse();
    }

    @Test
    void anythingThatIsNotAWellFormedTokenNamesNoInvitation() {
        assertThat(InvitationTokens.invitationIdOf(null)).isEmpty();
        assertThat(InvitationTokens.invitationIdOf("short")).isEmpty();
        assertThat(InvitationTokens.invitationIdOf("*".repeat(64))).isEmpty();
    }

    @Test
    void refusesASecretShorterThan32Bytes() {
        assertThatThrownBy(() -> tokensWith("too-short")).isInstanceOf(IllegalArgumentException.class);
    }

    private static InvitationTokens tokensWith(String secret) {
        return new InvitationTokens(secret.getBytes(StandardCharsets.UTF_8));
    }
}
