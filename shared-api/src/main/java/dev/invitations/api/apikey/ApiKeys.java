package dev.invitations.api.apikey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * API keys: {@code inv_} followed by 32 random bytes (256 bits) from {@link SecureRandom}, base64url without padding
 * (43 characters). Only {@link #hash}, an HMAC-SHA256 of the key under a server secret, is stored: someone who reads
 * the store cannot use a key, nor test guesses offline without the secret.
 */
public final class ApiKeys {

    public static final String KEY_PREFIX = "inv_";
    /** The characters of a key's {@code prefix}, shown to tell keys apart. */
    public static final int SHOWN_PREFIX = 8;
    private static final int RANDOM_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("inv_[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec secret;

    /** @param secret the server's {@code invitations.api-key-secret}, at least 32 bytes */
    public ApiKeys(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("an API key secret needs at least 32 bytes");
        }
        this.secret = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A new random key. */
    public static String newKey() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return KEY_PREFIX + BASE64URL.encodeToString(random);
    }

    /** Whether {@code text} has the form of a key ({@code inv_} and 43 base64url characters). */
    public static boolean isWellFormed(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    /** The first characters after {@code inv_}, shown in lists; they cannot be used to guess the rest. */
    public static String prefixOf(String key) {
        return key.substring(KEY_PREFIX.length(), KEY_PREFIX.length() + SHOWN_PREFIX);
    }

    /** The keyed hash under which a key is stored and looked up, base64url. */
    public String hash(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return BASE64URL.encodeToString(mac.doFinal(key.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
