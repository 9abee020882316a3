package dev.invitations.api.token;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Invitation tokens as split tokens under a ring of server keys. A token's body is 16 bytes naming the invitation
 * (its UUID, not a secret) followed by 32 bytes of {@code HMAC-SHA256(key, id:sendCount)}, base64url without padding
 * (64 characters); the key's id goes in front of it, {@code <keyId>.<body>}. Key {@value #UNNAMED_KEY_ID}'s tokens
 * carry no id, so the links issued under a single {@code invitations.token-secret} keep working once a ring of keys
 * replaces it.
 * <p>
 * The 256-bit verifier cannot be guessed without the key, and because it is derived rather than drawn at random,
 * the token never has to be stored anywhere: the email sender recomputes it from the invitation id, its send count
 * and the key its stored hash names. What is stored (in events and views) is only {@link #hash}, a second keyed HMAC
 * of the body, carrying the key's id the same way. Accepting finds the invitation by the id part and compares hashes
 * in constant time, so there is no lookup whose timing depends on a secret.
 * <p>
 * New tokens are issued under the current key; the others only verify. A token whose key was removed from the ring
 * (retired) has no hash, and answers like an unknown one.
 */
public final class InvitationTokens {

    /** The id of the key whose tokens and hashes carry no id. */
    public static final String UNNAMED_KEY_ID = "0";
    /** A key id: letters and digits, so that it never contains the separator and stays URL-safe. */
    public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9]{1,16}");

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final int ID_BYTES = 16;
    private static final int VERIFIER_BYTES = 32;
    private static final int BODY_CHARACTERS = 64;
    private static final char SEPARATOR = '.';

    private record Key(SecretKeySpec issuing, SecretKeySpec hashing) {
    }

    private final String currentKeyId;
    private final Map<String, Key> keys = new HashMap<>();

    /** A ring of one key, {@value #UNNAMED_KEY_ID}. */
    public InvitationTokens(byte[] secret) {
        this(UNNAMED_KEY_ID, Map.of(UNNAMED_KEY_ID, secret));
    }

    /**
     * @param currentKeyId the key new tokens are issued under; one of {@code secrets}
     * @param secrets      every key that still verifies, by id; each secret at least 32 bytes
     */
    public InvitationTokens(String currentKeyId, Map<String, byte[]> secrets) {
        secrets.forEach((id, secret) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a token key id is 1-16 letters and digits, not '" + id + "'");
            }
            if (secret.length < 32) {
                throw new IllegalArgumentException("the token secret of key " + id + " needs at least 32 bytes");
            }
            var master = new SecretKeySpec(secret, "HmacSHA256");
            keys.put(id, new Key(new SecretKeySpec(hmac(master, "invitation-token"), "HmacSHA256"),
                    new SecretKeySpec(hmac(master, "invitation-token-hash"), "HmacSHA256")));
        });
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current token key " + currentKeyId + " has no secret");
        }
        this.currentKeyId = currentKeyId;
    }

    /** The hash of the token of the invitation's {@code sendCount}-th send, issued under the current key. */
    public String hashOf(String invitationId, int sendCount) {
        return hash(currentKeyId, body(keys.get(currentKeyId), invitationId, sendCount));
    }

    /**
     * The token of the invitation's {@code sendCount}-th send (1 for the first email, 2 after one resend, ...),
     * under the key that {@code storedHash}, the hash recorded for that send, names ({@code null}: key
     * {@value #UNNAMED_KEY_ID}, as for what was recorded before tokens named their keys).
     *
     * @throws IllegalStateException when that key has been retired from the ring
     */
    public String issue(String invitationId, int sendCount, String storedHash) {
        String keyId = keyIdOf(storedHash);
        Key key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("token key " + keyId + " was retired; resend the invitation");
        }
        return prefixed(keyId, body(key, invitationId, sendCount));
    }

    /**
     * The keyed hash that stands for the token wherever something is stored; empty for anything that is not a
     * well-formed token, or one whose key was retired.
     */
    public Optional<String> hash(String token) {
        return Parsed.of(token).filter(parsed -> keys.containsKey(parsed.keyId()))
                .map(parsed -> hash(parsed.keyId(), parsed.body()));
    }

    /**
     * A key for another purpose (signing list cursors, say), derived from the current key, so that there is no second
     * secret to configure. It changes when the current key does.
     */
    public byte[] derivedKey(String purpose) {
        return hmac(keys.get(currentKeyId).hashing(), "derived-key:" + purpose);
    }

    /** The invitation a well-formed token names; empty for anything that is not a token of this format. */
    public static Optional<String> invitationIdOf(String token) {
        return Parsed.of(token).map(parsed -> parsed.invitationId().toString());
    }

    /** Compares two token hashes in time that does not depend on where they differ. */
    public static boolean sameHash(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                actual.getBytes(StandardCharsets.US_ASCII));
    }

    /** A token split into the id of its key and its body, with the invitation the body names. */
    private record Parsed(String keyId, String body, UUID invitationId) {

        /** Decodes the body once: that it decodes to an id and a verifier is what makes the token well-formed. */
        static Optional<Parsed> of(String token) {
            if (token == null) {
                return Optional.empty();
            }
            int separator = token.indexOf(SEPARATOR);
            String keyId = separator < 0 ? UNNAMED_KEY_ID : token.substring(0, separator);
            String body = token.substring(separator + 1);
            if (!KEY_ID.matcher(keyId).matches() || body.length() != BODY_CHARACTERS) {
                return Optional.empty();
            }
            byte[] bytes;
            try {
                bytes = Base64.getUrlDecoder().decode(body);
            } catch (IllegalArgumentException notBase64Url) {
                return Optional.empty();
            }
            if (bytes.length != ID_BYTES + VERIFIER_BYTES) {
                return Optional.empty();
            }
            var id = ByteBuffer.wrap(bytes);
            return Optional.of(new Parsed(keyId, body, new UUID(id.getLong(), id.getLong())));
        }
    }

    private static String body(Key key, String invitationId, int sendCount) {
        UUID id = UUID.fromString(invitationId);
        byte[] verifier = hmac(key.issuing(), id + ":" + sendCount);
        return ENCODER.encodeToString(ByteBuffer.allocate(ID_BYTES + VERIFIER_BYTES)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .put(verifier)
                .array());
    }

    private String hash(String keyId, String body) {
        return prefixed(keyId, ENCODER.encodeToString(hmac(keys.get(keyId).hashing(), body)));
    }

    private static String keyIdOf(String storedHash) {
        int separator = storedHash == null ? -1 : storedHash.indexOf(SEPARATOR);
        return separator < 0 ? UNNAMED_KEY_ID : storedHash.substring(0, separator);
    }

    private static String prefixed(String keyId, String value) {
        return UNNAMED_KEY_ID.equals(keyId) ? value : keyId + SEPARATOR + value;
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
