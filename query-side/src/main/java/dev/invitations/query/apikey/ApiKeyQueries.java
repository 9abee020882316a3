package dev.invitations.query.apikey;

import dev.invitations.security.apikey.MongoApiKeys;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * An org's API keys in force, read from the table the command side keeps and both sides authenticate with (so a key
 * is listed as soon as its creation is answered, and gone once its revocation is). Never the key nor its hash.
 */
@Component
public class ApiKeyQueries {

    private final MongoApiKeys keys;

    ApiKeyQueries(MongoApiKeys keys) {
        this.keys = keys;
    }

    /** Oldest first. */
    public List<ListedApiKey> ofOrg(String orgId) {
        return keys.ofOrg(orgId).stream()
                .map(key -> new ListedApiKey(key.keyId(), key.name(), key.scopes(), key.createTime(),
                        key.lastUsedTime(), key.prefix()))
                .toList();
    }

    /**
     * A key as the list shows it.
     *
     * @param lastUsedTime when a request last used it, written in batches (a few seconds late); null before
     * @param prefix       the key's first 8 characters after {@code inv_}
     */
    public record ListedApiKey(String id, String name, List<String> scopes, Instant createTime, Instant lastUsedTime,
                               String prefix) {
    }
}
