package dev.invitations.api.apikey;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An API key was revoked: it authenticates no request from then on. Not in the org's invitation feed. */
@Revision("1")
public record ApiKeyRevoked(String keyId, String orgId, String revokedBy, Instant revokeTime) {
}
