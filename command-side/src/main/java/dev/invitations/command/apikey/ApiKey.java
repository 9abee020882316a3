package dev.invitations.command.apikey;

import dev.invitations.api.apikey.ApiKeyCreated;
import dev.invitations.api.apikey.ApiKeyRevoked;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An org's API key: created with scopes no wider than its creator's, revoked once for good. Its stream
 * ({@link ApiKeyCreated#aggregateIdentifierOf}) is its history; the key itself is never in it, only its keyed hash.
 */
@Aggregate
public class ApiKey {

    @AggregateIdentifier
    private String streamId;
    private String orgId;
    private boolean revoked;

    protected ApiKey() {
        // for Axon, which rebuilds the key from its events
    }

    /** @throws ApiKeyScopesExceeded when the scopes break {@link ApiKeyScopes}' rules */
    @CommandHandler
    public ApiKey(CreateApiKey command) {
        var violations = ApiKeyScopes.check(command.scopes(), command.creatorScopes());
        if (!violations.isEmpty()) {
            throw new ApiKeyScopesExceeded(violations);
        }
        apply(new ApiKeyCreated(command.keyId(), command.orgId().value(), command.name(), command.scopes(),
                command.keyHash(), command.prefix(), command.actor(), command.createTime()));
    }

    /** @throws ApiKeyNotFound when the key is of another org */
    @CommandHandler
    public void handle(RevokeApiKey command) {
        if (!orgId.equals(command.orgId().value())) {
            throw new ApiKeyNotFound();
        }
        if (!revoked) {
            apply(new ApiKeyRevoked(command.keyId(), orgId, command.actor(), GenericEventMessage.clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(ApiKeyCreated event) {
        streamId = ApiKeyCreated.aggregateIdentifierOf(event.keyId());
        orgId = event.orgId();
    }

    @EventSourcingHandler
    void on(ApiKeyRevoked event) {
        revoked = true;
    }
}
