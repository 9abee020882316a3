package dev.invitations.security.secrets;

import dev.invitations.api.token.InvitationTokens;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * The ring of keys invitation tokens are issued and verified under, the same on both sides.
 *
 * @param tokenSecret          the current key's secret, at least 32 bytes: new tokens are issued under it
 * @param tokenKeyId           the current key's id, carried in its tokens; letters and digits
 * @param previousTokenSecrets older keys by id: their outstanding tokens still verify until the key is removed
 *                             from this map (retired)
 */
@ConfigurationProperties("invitations")
public record TokenKeyProperties(
        String tokenSecret,
        @DefaultValue(InvitationTokens.UNNAMED_KEY_ID) String tokenKeyId,
        Map<String, String> previousTokenSecrets) {

    public TokenKeyProperties {
        previousTokenSecrets = previousTokenSecrets == null ? Map.of() : Map.copyOf(previousTokenSecrets);
    }
}
