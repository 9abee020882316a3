package dev.invitations.command.storage;

import dev.invitations.api.apikey.ApiKeyCreated;
import dev.invitations.api.apikey.ApiKeyRevoked;
import dev.invitations.security.apikey.MongoApiKeys;
import dev.invitations.security.apikey.StoredApiKey;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The API keys in force ({@link MongoApiKeys}, which both sides authenticate with), kept in the same unit of work as
 * the key's events (a subscribing processor): a key works as soon as its creation is answered, and a revoked one is
 * gone from the table before its revocation is answered.
 */
@Component
@ProcessingGroup("api-key-table")
public class ApiKeyTable {

    private final MongoApiKeys keys;

    public ApiKeyTable(MongoApiKeys keys) {
        this.keys = keys;
        keys.ensureIndexes();
    }

    @EventHandler
    void on(ApiKeyCreated event) {
        keys.insert(new StoredApiKey(event.keyHash(), event.keyId(), event.orgId(), event.name(), event.scopes(),
                event.prefix(), event.createdBy(), event.createTime(), null));
    }

    @EventHandler
    void on(ApiKeyRevoked event) {
        keys.remove(event.keyId());
    }
}
