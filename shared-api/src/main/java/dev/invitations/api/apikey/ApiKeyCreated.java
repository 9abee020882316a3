package dev.invitations.api.apikey;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * An API key of an org was created. It is no {@code InvitationEvent}: it is not in the org's invitation feed. It holds
 * the key's keyed hash ({@link ApiKeys#hash}), never the key itself, which only the creator saw once.
 *
 * @param keyId     the key's id (a UUID), also its stream's ({@link #aggregateIdentifierOf})
 * @param scopes    the org permissions the key grants, each held by its creator
 * @param keyHash   {@code HMAC-SHA256(invitations.api-key-secret, key)}, base64url
 * @param prefix    the key's first 8 characters after {@code inv_}, to tell keys apart
 * @param createdBy the creator as recorded: a JWT's {@code sub}, or {@code apikey:<id>}
 */
@Revision("1")
public record ApiKeyCreated(
        String keyId,
        String orgId,
        String name,
        List<String> scopes,
        String keyHash,
        String prefix,
        String createdBy,
        Instant createTime) {

    private static final String STREAM_PREFIX = "api-key:";

    public ApiKeyCreated {
        scopes = List.copyOf(scopes);
    }

    /**
     * The aggregate identifier of the key's stream. Its prefix keeps it apart from invitation ids (UUIDs), with which
     * it shares the event store's unique (aggregate identifier, sequence number) index.
     */
    public static String aggregateIdentifierOf(String keyId) {
        return STREAM_PREFIX + keyId;
    }
}
