package dev.invitations.security.webhooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookTargetsTest {

    private final WebhookTargets strict = new WebhookTargets(new WebhookProperties(false, false, null));
    private final WebhookTargets local = new WebhookTargets(new WebhookProperties(true, true, null));

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/", "https://127.1.2.3/", "https://10.0.0.1/", "https://172.31.255.1/",
            "https://192.168.0.1/", "https://169.254.169.254/", "https://[::1]/", "https://[::]/",
            "https://[::ffff:10.0.0.1]/", "https://[::ffff:169.254.169.254]/", "https://[fc00::1]/",
            "https://[fe80::1%251]/", "https://[ff02::1]/", "https://localhost/", "https://0.0.0.0/",
            "https://100.100.100.200/", "https://255.255.255.255/"})
    void refusesEveryNonPublicAddressUnlessAllowed(String url) {
        assertThat(strict.refusal(url)).isPresent();
        assertThat(local.refusal(url.replace("https", "http"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.215.14/", "ftp://93.184.215.14/", "https://user:pw@93.184.215.14/",
            "https://93.184.215.14/#x", "/relative", "https://", "not a url", "https://no-such-host.invalid/"})
    void refusesWhatIsNoHttpsUrlOfAResolvableHost(String url) {
        assertThat(strict.refusal(url)).isPresent();
    }

    @Test
    void acceptsAPublicHttpsAddress() {
        assertThat(strict.refusal("https://93.184.215.14/hooks")).isEmpty();
        assertThat(strict.refusal("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]:8443/hooks")).isEmpty();
    }

    @Test
    void secretsRoundTripOnlyUnderTheSameKeyAndWebhook() {
        var secrets = new WebhookSecrets("a-server-key-of-at-least-32-bytes-long!".getBytes(StandardCharsets.UTF_8));
        String secret = WebhookSecrets.newSecret();
        String sealed = secrets.encrypt("hook-1", secret);

        assertThat(sealed).doesNotContain(secret.substring(6));
        assertThat(secrets.decrypt("hook-1", sealed)).isEqualTo(secret);
        assertThatThrownBy(() -> secrets.decrypt("hook-2", sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(secret);
        var other = new WebhookSecrets("another-server-key-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> other.decrypt("hook-1", sealed)).isInstanceOf(IllegalStateException.class);
        assertThat(secrets.toString()).doesNotContain("server-key");
    }
}
