package dev.invitations.command.apikey;

import dev.invitations.api.apikey.ApiKeyCreated;
import dev.invitations.api.org.OrgId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revoke the API key {@code keyId} of {@code orgId}; revoking it again changes nothing. */
public record RevokeApiKey(String keyId, OrgId orgId, String actor) {

    @TargetAggregateIdentifier
    public String streamId() {
        return ApiKeyCreated.aggregateIdentifierOf(keyId);
    }
}
