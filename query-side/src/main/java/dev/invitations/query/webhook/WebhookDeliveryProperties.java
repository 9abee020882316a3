package dev.invitations.query.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How the query side delivers webhooks ({@code invitations.webhooks.*}; the target rules and the secret key are
 * api-security's {@code WebhookProperties}).
 *
 * @param timeout            how long an endpoint has to answer a delivery
 * @param firstRetryDelays   the waits before the first retries of a failed event
 * @param maxRetryDelay      later waits double the last one up to this
 * @param giveUpAfter        how long after an event's first failed attempt the endpoint is set failing (disabled)
 * @param pollInterval       how often each instance looks for endpoints with events to deliver and for the orgs that
 *                           have endpoints (the instance that adds to an org's feed also looks at that org's endpoints
 *                           at once, when it has any)
 * @param lease              how long an instance holds an endpoint it delivers to without extending its claim: after
 *                           that, another instance takes it over (it crashed)
 * @param threads            how many endpoints an instance delivers to at once
 * @param batchSize          how many feed events a delivery run reads at once
 * @param deliveriesKept     how many delivery attempts are kept per endpoint (the deliveries list)
 */
@ConfigurationProperties("invitations.webhooks")
public record WebhookDeliveryProperties(
        @DefaultValue("PT15S") Duration timeout,
        @DefaultValue({"PT5S", "PT30S", "PT2M"}) List<Duration> firstRetryDelays,
        @DefaultValue("PT4H") Duration maxRetryDelay,
        @DefaultValue("P3D") Duration giveUpAfter,
        @DefaultValue("PT0.5S") Duration pollInterval,
        @DefaultValue("PT1M") Duration lease,
        @DefaultValue("8") int threads,
        @DefaultValue("100") int batchSize,
        @DefaultValue("100") int deliveriesKept) {

    /** The wait after the {@code failures}-th failed attempt (1 for the first). */
    Duration retryDelay(int failures) {
        if (failures <= firstRetryDelays.size()) {
            return firstRetryDelays.get(Math.max(0, failures - 1));
        }
        Duration delay = firstRetryDelays.get(firstRetryDelays.size() - 1);
        for (int i = firstRetryDelays.size(); i < failures && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) < 0 ? delay : maxRetryDelay;
    }
}
