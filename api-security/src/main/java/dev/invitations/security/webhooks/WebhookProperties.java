package dev.invitations.security.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What both sides need of webhooks: which targets an endpoint may have, and the server key its secrets are
 * encrypted under.
 *
 * @param allowHttp           whether {@code http} URLs are accepted (else {@code https} only); local runs only
 * @param allowPrivateTargets whether a URL may resolve to a loopback, private, link-local or multicast address;
 *                            local runs and tests only
 * @param secretKey           the server key the endpoints' signing secrets are stored under (AES-GCM): required
 */
@ConfigurationProperties("invitations.webhooks")
public record WebhookProperties(@DefaultValue("false") boolean allowHttp,
                                @DefaultValue("false") boolean allowPrivateTargets,
                                String secretKey) {

    @Override
    public String toString() {
        return "WebhookProperties[allowHttp=" + allowHttp + ", allowPrivateTargets=" + allowPrivateTargets + "]";
    }
}
