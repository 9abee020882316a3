package dev.invitations.query.webhook;

import dev.invitations.api.webhook.WebhookRegistered;
import dev.invitations.query.feed.OrgEventFeed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Where a new endpoint's deliveries start: after the org's feed as it stands at the registration, so the endpoint
 * gets every event stored after it. This runs in the feed's own processing group, which meets the registration at its
 * place among the org's events; read from another processor, the feed could already hold events that came later,
 * and they would never be delivered.
 */
@Component
@ProcessingGroup(OrgEventFeed.NUMBERING_GROUP)
class WebhookStartPositions {

    private final StoredWebhooks webhooks;
    private final OrgEventFeed feed;
    private final OrgsWithEndpoints orgsWithEndpoints;

    WebhookStartPositions(StoredWebhooks webhooks, OrgEventFeed feed, OrgsWithEndpoints orgsWithEndpoints) {
        this.webhooks = webhooks;
        this.feed = feed;
        this.orgsWithEndpoints = orgsWithEndpoints;
    }

    @EventHandler
    void on(WebhookRegistered registered) {
        webhooks.startAfter(registered.webhookId(), feed.lastPosition(registered.orgId()));
        // this instance adds the org's next events to its feed: their deliveries can start at once
        orgsWithEndpoints.registered(registered.orgId());
    }
}
