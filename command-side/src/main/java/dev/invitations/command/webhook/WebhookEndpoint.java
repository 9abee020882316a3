package dev.invitations.command.webhook;

import dev.invitations.api.webhook.WebhookChanged;
import dev.invitations.api.webhook.WebhookDeleted;
import dev.invitations.api.webhook.WebhookEvent;
import dev.invitations.api.webhook.WebhookRegistered;
import dev.invitations.api.webhook.WebhookReplayRequested;
import dev.invitations.api.webhook.WebhookSecretRotated;
import dev.invitations.command.webhook.WebhookCommands.ChangeWebhook;
import dev.invitations.command.webhook.WebhookCommands.DeleteWebhook;
import dev.invitations.command.webhook.WebhookCommands.RegisterWebhook;
import dev.invitations.command.webhook.WebhookCommands.ReplayWebhook;
import dev.invitations.command.webhook.WebhookCommands.RotateWebhookSecret;
import dev.invitations.command.webhook.WebhookCommands.WebhookState;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An org's webhook endpoint, in a stream of its own ({@link WebhookEvent#aggregateIdentifierOf}). It keeps what its
 * rules read: its org, its settings, and whether it was deleted. Deliveries and their state are the query side's.
 */
@Aggregate
public class WebhookEndpoint {

    /** How long deliveries are signed under the previous secret too after a rotation. */
    static final Duration PREVIOUS_SECRET_VALIDITY = Duration.ofHours(24);

    @AggregateIdentifier
    private String streamId;
    private String orgId;
    private String webhookId;
    private String url;
    private List<String> types;
    private String description;
    private boolean enabled;
    private boolean deleted;

    protected WebhookEndpoint() {
        // for Axon, which rebuilds it from its events
    }

    @CommandHandler
    public WebhookEndpoint(RegisterWebhook command) {
        apply(new WebhookRegistered(command.orgId().value(), command.webhookId(), command.url(),
                List.copyOf(command.types()), command.description(), command.encryptedSecret(), command.actor(),
                GenericEventMessage.clock.instant()));
    }

    /** Records the endpoint's settings after the change, even unchanged: enabling it again also ends its failing. */
    @CommandHandler
    public WebhookState handle(ChangeWebhook command) {
        requireOf(command.orgId().value());
        apply(new WebhookChanged(orgId, webhookId, command.url() != null ? command.url() : url,
                command.types() != null ? List.copyOf(command.types()) : types,
                command.description() != null ? command.description() : description,
                command.enabled() != null ? command.enabled() : enabled, Boolean.TRUE.equals(command.enabled()),
                command.actor(),
                GenericEventMessage.clock.instant()));
        return state();
    }

    @CommandHandler
    public WebhookState handle(RotateWebhookSecret command) {
        requireOf(command.orgId().value());
        var now = GenericEventMessage.clock.instant();
        apply(new WebhookSecretRotated(orgId, webhookId, command.encryptedSecret(),
                now.plus(PREVIOUS_SECRET_VALIDITY), command.actor(), now));
        return state();
    }

    @CommandHandler
    public void handle(DeleteWebhook command) {
        requireOf(command.orgId().value());
        apply(new WebhookDeleted(orgId, webhookId, command.actor(), GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    public WebhookState handle(ReplayWebhook command) {
        requireOf(command.orgId().value());
        apply(new WebhookReplayRequested(orgId, webhookId, command.after(), command.actor(),
                GenericEventMessage.clock.instant()));
        return state();
    }

    /** What it is now. */
    public WebhookState state() {
        return new WebhookState(webhookId, url, types, description, enabled);
    }

    private void requireOf(String org) {
        if (deleted || !orgId.equals(org)) {
            throw new WebhookNotFound();
        }
    }

    @EventSourcingHandler
    void on(WebhookRegistered event) {
        streamId = WebhookEvent.aggregateIdentifierOf(event.webhookId());
        orgId = event.orgId();
        webhookId = event.webhookId();
        url = event.url();
        types = event.types();
        description = event.description();
        enabled = true;
    }

    @EventSourcingHandler
    void on(WebhookChanged event) {
        url = event.url();
        types = event.types();
        description = event.description();
        enabled = event.enabled();
    }

    @EventSourcingHandler
    void on(WebhookDeleted event) {
        deleted = true;
    }
}
