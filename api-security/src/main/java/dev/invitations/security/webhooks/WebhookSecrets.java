package dev.invitations.security.webhooks;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The endpoints' signing secrets: {@code whsec_} and base64 of 32 random bytes, stored only as AES-256-GCM
 * ciphertext (random 12-byte IV, base64 of IV || ciphertext and tag) under a key derived from
 * {@code invitations.webhooks.secret-key}. The webhook's id is the associated data, so a ciphertext copied to another
 * endpoint does not decrypt.
 */
public final class WebhookSecrets {

    public static final String PREFIX = "whsec_";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** @param serverKey the UTF-8 bytes of {@code invitations.webhooks.secret-key} (at least 32) */
    public WebhookSecrets(byte[] serverKey) {
        if (serverKey.length < 32) {
            throw new IllegalStateException("invitations.webhooks.secret-key needs at least 32 bytes");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(serverKey, "HmacSHA256"));
            key = new SecretKeySpec(mac.doFinal("invitations webhook secrets v1".getBytes(StandardCharsets.UTF_8)),
                    "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new secret: {@code whsec_} and base64 of 32 random bytes. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    public String encrypt(String webhookId, String secret) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(webhookId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM encryption failed", e);
        }
    }

    /**
     * @throws IllegalStateException when {@code ciphertext} was not written by {@link #encrypt} for this webhook
     *                               under this key (another key, altered)
     */
    public String decrypt(String webhookId, String ciphertext) {
        try {
            byte[] sealed = Base64.getDecoder().decode(ciphertext);
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(webhookId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalStateException("the webhook secret of " + webhookId
                    + " does not decrypt under invitations.webhooks.secret-key");
        }
    }

    @Override
    public String toString() {
        return "WebhookSecrets[key hidden]";
    }
}
