package dev.invitations.personaldata;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class FieldCipherTest {

    private static final SecretKey KEY = key(1);
    private static final String KEY_ID = "key-1";

    @Test
    void aValueDecryptsUnderItsKeyAndField() {
        String sealed = FieldCipher.encrypt(KEY, KEY_ID, "invitedEmail", "\"ann@example.com\"");

        assertThat(sealed).doesNotContain("ann");
        assertThat(FieldCipher.decrypt(KEY, KEY_ID, "invitedEmail", sealed)).contains("\"ann@example.com\"");
    }

    @Test
    void eachValueGetsItsOwnIv() {
        assertThat(FieldCipher.encrypt(KEY, KEY_ID, "field", "same"))
                .isNotEqualTo(FieldCipher.encrypt(KEY, KEY_ID, "field", "same"));
    }

    @Test
    void anythingButTheSameKeyKeyIdAndFieldReadsNothing() {
        String sealed = FieldCipher.encrypt(KEY, KEY_ID, "invitedEmail", "secret");

        assertThat(FieldCipher.decrypt(key(2), KEY_ID, "invitedEmail", sealed)).isEmpty();
        assertThat(FieldCipher.decrypt(KEY, "key-2", "invitedEmail", sealed)).isEmpty();
        assertThat(FieldCipher.decrypt(KEY, KEY_ID, "metadata", sealed)).isEmpty();
    }

    @Test
    void anAlteredOrMalformedCiphertextReadsNothing() {
        String sealed = FieldCipher.encrypt(KEY, KEY_ID, "invitedEmail", "secret");
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[bytes.length / 2] ^= 1;

        assertThat(FieldCipher.decrypt(KEY, KEY_ID, "invitedEmail", Base64.getEncoder().encodeToString(bytes)))
                .isEmpty();
        assertThat(FieldCipher.decrypt(KEY, KEY_ID, "invitedEmail", "not base64!")).isEmpty();
        assertThat(FieldCipher.decrypt(KEY, KEY_ID, "invitedEmail", sealed.substring(0, 20))).isEmpty();
        assertThat(FieldCipher.decrypt(new SecretKeySpec(new byte[5], "AES"), KEY_ID, "invitedEmail", sealed))
                .isEmpty();
    }

    private static SecretKey key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return new SecretKeySpec(key, "AES");
    }
}
