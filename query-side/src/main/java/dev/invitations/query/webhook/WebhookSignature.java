package dev.invitations.query.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Standard Webhooks signatures: {@code v1,} and base64 of HMAC-SHA256 of {@code "<id>.<timestamp>.<body>"}, keyed with
 * the base64-decoded part of the secret after {@code whsec_}; several space-separated. Written here (a dozen lines)
 * rather than taken from the reference library, which the tests verify every delivery with instead.
 */
final class WebhookSignature {

    private static final String PREFIX = "whsec_";

    private WebhookSignature() {
    }

    /** The {@code webhook-signature} header: one signature per secret, in the order given. */
    static String header(List<String> secrets, String id, long timestamp, String body) {
        return secrets.stream().map(secret -> sign(secret, id, timestamp, body)).collect(Collectors.joining(" "));
    }

    static String sign(String secret, String id, long timestamp, String body) {
        String base64Key = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
