package dev.invitations.command.web;

import dev.invitations.api.apikey.ApiKeys;
import dev.invitations.api.org.OrgId;
import dev.invitations.command.apikey.ApiKeyNotFound;
import dev.invitations.command.apikey.CreateApiKey;
import dev.invitations.command.apikey.RevokeApiKey;
import dev.invitations.security.OrgCaller;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static dev.invitations.command.web.InvitationAnswers.actorOf;

/**
 * Creating and revoking an org's API keys (listing them is a read, on the query side). The key is drawn here, shown
 * once in the answer, and never stored, logged or put into a command or event: only its keyed hash is.
 */
@RestController
class ApiKeyController {

    private static final String API_KEYS = "/v1/orgs/{orgId}/apiKeys";

    private final CommandGateway commands;
    private final ApiKeys apiKeys;
    private final Clock clock;

    ApiKeyController(CommandGateway commands, ApiKeys apiKeys, Clock clock) {
        this.commands = commands;
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    /** 201 with the key, once; a key's scopes must be held by its creator, else 400 naming each such scope. */
    @PostMapping(path = API_KEYS, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CreatedApiKey> create(@PathVariable String orgId, @RequestBody ApiKeyRequest body,
                                         Authentication caller) {
        Set<String> creatorScopes = OrgCaller.of(caller).map(OrgCaller::scopes).orElse(Set.of());
        var check = new RequestCheck().orgId(orgId);
        body.check(check, creatorScopes);
        check.orThrow();

        String keyId = UUID.randomUUID().toString();
        String key = ApiKeys.newKey();
        String prefix = ApiKeys.prefixOf(key);
        Instant createTime = clock.instant();
        commands.sendAndWait(new CreateApiKey(keyId, new OrgId(orgId), body.name(), body.scopes(), apiKeys.hash(key),
                prefix, actorOf(caller), creatorScopes, createTime));
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(new CreatedApiKey(keyId, key, body.name(), body.scopes(), createTime, prefix));
    }

    /** 204: the key authenticates nothing from now on (within a second on every instance); again, still 204. */
    @DeleteMapping(path = API_KEYS + "/{id}")
    ResponseEntity<Void> revoke(@PathVariable String orgId, @PathVariable String id, Authentication caller) {
        if (!OrgId.isValid(orgId) || !isUuid(id)) {
            throw new ApiKeyNotFound();
        }
        try {
            commands.sendAndWait(new RevokeApiKey(id, new OrgId(orgId), actorOf(caller)));
        } catch (AggregateNotFoundException unknown) {
            throw new ApiKeyNotFound();
        }
        return ResponseEntity.noContent().build();
    }

    private static boolean isUuid(String id) {
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }
}
