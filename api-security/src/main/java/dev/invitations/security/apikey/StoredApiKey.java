package dev.invitations.security.apikey;

import java.time.Instant;
import java.util.List;

/**
 * An API key in force, as the {@code api_keys} collection holds it: by its keyed hash, which is never shown.
 *
 * @param lastUsedTime when a request last used it, as far as the batched writes have recorded; null before
 */
public record StoredApiKey(String keyHash, String keyId, String orgId, String name, List<String> scopes,
                           String prefix, String createdBy, Instant createTime, Instant lastUsedTime) {

    public StoredApiKey {
        scopes = List.copyOf(scopes);
    }
}
