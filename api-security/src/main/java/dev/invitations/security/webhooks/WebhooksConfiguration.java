package dev.invitations.security.webhooks;

import dev.invitations.security.secrets.RequiredSecrets;
import dev.invitations.security.secrets.SecretsConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The webhook parts both sides share: the target check and the secrets' cipher under the server key. */
@AutoConfiguration(after = SecretsConfiguration.class)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhooksConfiguration {

    @Bean
    WebhookTargets webhookTargets(WebhookProperties properties) {
        return new WebhookTargets(properties);
    }

    @Bean
    WebhookSecrets webhookSecrets(WebhookProperties properties, RequiredSecrets secrets) {
        return new WebhookSecrets(secrets.require("invitations.webhooks.secret-key",
                "INVITATIONS_WEBHOOKS_SECRET_KEY", properties.secretKey()));
    }
}
