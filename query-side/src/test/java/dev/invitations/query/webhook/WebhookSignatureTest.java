package dev.invitations.query.webhook;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signer against the Standard Webhooks specification's published example and its reference library. */
class WebhookSignatureTest {

    // the example of the Standard Webhooks specification (and its reference libraries' tests)
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsTheSpecificationsExampleAsPublished() throws Exception {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
        assertThat(new Webhook(SECRET).sign(ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void twoSecretsGiveTwoSpaceSeparatedSignaturesThatTheReferenceLibraryAcceptsEither() throws Exception {
        String other = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        long now = System.currentTimeMillis() / 1000;
        String header = WebhookSignature.header(List.of(other, SECRET), ID, now, BODY);

        assertThat(header.split(" ")).hasSize(2);
        var headers = HttpHeaders.of(Map.of("webhook-id", List.of(ID), "webhook-timestamp", List.of("" + now),
                "webhook-signature", List.of(header)), (a, b) -> true).map();
        new Webhook(SECRET).verify(BODY, headers);
        new Webhook(other).verify(BODY, headers);
        String third = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[]{1, 2, 3, 4});
        assertThatThrownBy(() -> new Webhook(third).verify(BODY, headers)).isNotNull();
        assertThatThrownBy(() -> new Webhook(SECRET).verify(BODY + " ", headers)).isNotNull();
    }
}
