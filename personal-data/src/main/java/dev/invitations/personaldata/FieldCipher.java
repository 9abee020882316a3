package dev.invitations.personaldata;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * AES-256-GCM encryption of one field's value: a random 12-byte IV per value, the key id and the field name as
 * associated data (so a ciphertext copied into another field, or relabelled with another key id, does not decrypt),
 * stored as base64 of IV || ciphertext and tag.
 */
public final class FieldCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private FieldCipher() {
    }

    /** {@code plaintext} encrypted under {@code key} (named {@code keyId}) for field {@code field}. */
    public static String encrypt(SecretKey key, String keyId, String field, String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(keyId, field));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM encryption failed", e);
        }
    }

    /**
     * The plaintext of {@code ciphertext}, written by {@link #encrypt} with the same key, key id and field; empty
     * when it was not (another key or field), was altered, or is no base64 of an IV and a tag.
     */
    public static Optional<String> decrypt(SecretKey key, String keyId, String field, String ciphertext) {
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(ciphertext);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(associatedData(keyId, field));
            byte[] plaintext = cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
            return Optional.of(new String(plaintext, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException wrongKeyOrAltered) {
            return Optional.empty();
        }
    }

    // a key id is base64url, so the line break cannot be part of it: no two (key id, field) pairs give the same bytes
    private static byte[] associatedData(String keyId, String field) {
        return (keyId + "\n" + field).getBytes(StandardCharsets.UTF_8);
    }
}
