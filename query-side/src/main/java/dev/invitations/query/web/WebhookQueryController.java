package dev.invitations.query.web;

import dev.invitations.query.webhook.WebhookQueries;
import dev.invitations.query.webhook.WebhookQueries.WebhookDelivery;
import dev.invitations.query.webhook.WebhookQueries.Webhook;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.regex.Pattern;

/** The reads of an org's webhook endpoints (the writes are the command side's); never a secret. */
@RestController
class WebhookQueryController {

    private static final Pattern WEBHOOK_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final WebhookQueries queries;

    WebhookQueryController(WebhookQueries queries) {
        this.queries = queries;
    }

    record Webhooks(List<Webhook> webhooks) {
    }

    record Deliveries(List<WebhookDelivery> deliveries) {
    }

    @GetMapping("/v1/orgs/{orgId}/webhooks")
    Webhooks list(@PathVariable String orgId) {
        var parameters = new QueryParameters();
        parameters.orgId(orgId);
        parameters.check();
        return new Webhooks(queries.list(orgId));
    }

    @GetMapping("/v1/orgs/{orgId}/webhooks/{id}")
    Webhook get(@PathVariable String orgId, @PathVariable String id) {
        check(orgId, id);
        return queries.get(orgId, id).orElseThrow(NotFoundException::new);
    }

    /** Newest first, at most the last 100 attempts. */
    @GetMapping("/v1/orgs/{orgId}/webhooks/{id}/deliveries")
    Deliveries deliveries(@PathVariable String orgId, @PathVariable String id) {
        check(orgId, id);
        return new Deliveries(queries.deliveries(orgId, id).orElseThrow(NotFoundException::new));
    }

    private static void check(String orgId, String id) {
        var parameters = new QueryParameters();
        parameters.orgId(orgId);
        if (!WEBHOOK_ID.matcher(id).matches()) {
            parameters.violation("id", "must be a webhook id");
        }
        parameters.check();
    }
}
