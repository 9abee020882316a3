package dev.invitations.security.secrets;

import dev.invitations.api.token.InvitationTokens;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The secrets both sides share, each checked by {@link RequiredSecrets} before it is used. */
@AutoConfiguration
@EnableConfigurationProperties(TokenKeyProperties.class)
public class SecretsConfiguration {

    @Bean
    RequiredSecrets requiredSecrets(Environment environment) {
        return new RequiredSecrets(environment);
    }

    /**
     * The ring of token keys: the command side issues and verifies with it, the query side looks tokens up. A
     * previous key set empty is retired, as one removed is: an environment variable is easier to empty than to drop.
     */
    @Bean
    InvitationTokens invitationTokens(TokenKeyProperties properties, RequiredSecrets secrets) {
        Map<String, byte[]> keys = new HashMap<>();
        properties.previousTokenSecrets().forEach((id, secret) -> {
            if (!secret.isBlank()) {
                keys.put(id, secrets.require("invitations.previous-token-secrets." + id,
                        "INVITATIONS_PREVIOUSTOKENSECRETS_" + id.toUpperCase(Locale.ROOT), secret));
            }
        });
        keys.put(properties.tokenKeyId(), secrets.require("invitations.token-secret", "INVITATIONS_TOKEN_SECRET",
                properties.tokenSecret()));
        return new InvitationTokens(properties.tokenKeyId(), keys);
    }
}
