package dev.invitations.command.apikey;

import dev.invitations.api.apikey.ApiKeyCreated;
import dev.invitations.api.org.OrgId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Create the API key {@code keyId} in {@code orgId}. The key itself is not in the command: only its keyed hash and
 * its shown prefix.
 *
 * @param scopes        the key's scopes, as asked
 * @param creatorScopes the scopes of the caller creating it ({@code actor}), which the key's may not exceed
 * @param createTime    when it is created, as its creation is answered
 */
public record CreateApiKey(String keyId, OrgId orgId, String name, List<String> scopes, String keyHash,
                           String prefix, String actor, Set<String> creatorScopes, Instant createTime) {

    public CreateApiKey {
        scopes = List.copyOf(scopes);
        creatorScopes = Set.copyOf(creatorScopes);
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return ApiKeyCreated.aggregateIdentifierOf(keyId);
    }
}
