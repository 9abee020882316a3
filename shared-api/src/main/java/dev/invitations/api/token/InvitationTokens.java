package dev.invitations.api.token;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Invitation tokens as split tokens: 16 bytes naming the invitation (its UUID, not a secret) followed by 32 bytes
 * of {@code HMAC-SHA256(secret, id:sendCount)}, base64url without padding (64 characters).
 * <p>
 * The 256-bit verifier cannot be guessed without the server secret, and because it is derived rather than drawn at
 * random, the token never has to be stored anywhere: the email sender recomputes it from the invitation id and its
 * send count. What is stored (in events and views) is only {@link #hash}, a second keyed HMAC of the whole token.
 * Accepting finds the invitation by the id part and compares hashes in constant time, so there is no lookup whose
 * timing depends on a secret.
 */
public final class InvitationTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final int ID_BYTES = 16;
    private static final int VERIFIER_BYTES = 32;

    private final SecretKeySpec issuingKey;
    private final SecretKeySpec hashingKey;

    /** @param secret the server secret, at least 32 bytes; the issuing and hashing keys are derived from it */
    public InvitationTokens(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the token secret needs at least 32 bytes");
        }
        var master = new SecretKeySpec(secret, "HmacSHA256");
        this.issuingKey = new SecretKeySpec(hmac(master, "invitation-token"), "HmacSHA256");
        this.hashingKey = new SecretKeySpec(hmac(master, "invitation-token-hash"), "HmacSHA256");
    }

    /** The token of the invitation's {@code sendCount}-th send (1 for the first email, 2 after one resend, ...). */
    public String issue(String invitationId, int sendCount) {
        UUID id = UUID.fromString(invitationId);
        byte[] verifier = hmac(issuingKey, id + ":" + sendCount);
        return ENCODER.encodeToString(ByteBuffer.allocate(ID_BYTES + VERIFIER_BYTES)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .put(verifier)
                .array());
    }

    /** The keyed hash that stands for the token wherever something is stored. */
    public String hash(String token) {
        return ENCODER.encodeToString(hmac(hashingKey, token));
    }

    /** The hash of the token of the invitation's {@code sendCount}-th send. */
    public String hashOf(String invitationId, int sendCount) {
        return hash(issue(invitationId, sendCount));
    }

    /** The invitation a well-formed token names; empty for anything that is not a token of this format. */
    public static Optional<String> invitationIdOf(String token) {
        if (token == null || token.length() != 64) {
            return Optional.empty();
        }
        try {
            var bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token));
            return Optional.of(new UUID(bytes.getLong(), bytes.getLong()).toString());
        } catch (IllegalArgumentException notBase64Url) {
            return Optional.empty();
        }
    }

    /** Compares two token hashes in time that does not depend on where they differ. */
    public static boolean sameHash(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                actual.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
