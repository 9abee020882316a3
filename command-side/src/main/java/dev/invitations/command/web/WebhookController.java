package dev.invitations.command.web;

import dev.invitations.api.invitation.InvitationEvent;
import dev.invitations.api.org.OrgId;
import dev.invitations.command.webhook.WebhookCommands.ChangeWebhook;
import dev.invitations.command.webhook.WebhookCommands.DeleteWebhook;
import dev.invitations.command.webhook.WebhookCommands.RegisterWebhook;
import dev.invitations.command.webhook.WebhookCommands.ReplayWebhook;
import dev.invitations.command.webhook.WebhookCommands.RotateWebhookSecret;
import dev.invitations.command.webhook.WebhookCommands.WebhookState;
import dev.invitations.command.webhook.WebhookNotFound;
import dev.invitations.problem.Problems;
import dev.invitations.security.webhooks.WebhookSecrets;
import dev.invitations.security.webhooks.WebhookTargets;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.invitations.command.web.InvitationAnswers.actorOf;

/**
 * The writes of an org's webhook endpoints. The reads (list, one, deliveries) are the query side's. A secret is
 * made here, answered once, and handed to the aggregate only encrypted under the server key.
 */
@RestController
class WebhookController {

    /** The types the org's feed carries, as the feed names them. */
    static final Set<String> EVENT_TYPES = Arrays.stream(InvitationEvent.class.getPermittedSubclasses())
            .map(type -> "invitations.v1." + type.getSimpleName())
            .collect(Collectors.toUnmodifiableSet());
    private static final Pattern WEBHOOK_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int MAX_URL = 2048;
    private static final int MAX_DESCRIPTION = 256;

    private final CommandGateway commands;
    private final WebhookSecrets secrets;
    private final WebhookTargets targets;

    WebhookController(CommandGateway commands, WebhookSecrets secrets, WebhookTargets targets) {
        this.commands = commands;
        this.secrets = secrets;
        this.targets = targets;
    }

    /** {@code types} absent or empty: every type. */
    record RegisterRequest(String url, List<String> types, String description) {
    }

    record ChangeRequest(String url, List<String> types, String description, Boolean enabled) {
    }

    record ReplayRequest(String after) {
    }

    /** The answer of a registration and of a rotation: the only ones that show the secret. */
    record WebhookWithSecret(String id, String url, List<String> types, String description, boolean enabled,
                             String secret) {
        @Override
        public String toString() {
            return "WebhookWithSecret[id=" + id + ", secret hidden]";
        }
    }

    @PostMapping(path = "/v1/orgs/{orgId}/webhooks", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<WebhookWithSecret> register(@PathVariable String orgId, @RequestBody RegisterRequest body,
                                               Principal caller) {
        var check = new RequestCheck().orgId(orgId);
        check.require(body.url() != null, "url", "is required");
        checkFields(check, body.url(), body.types(), body.description());
        check.orThrow();
        refuseTarget(body.url());

        String id = UUID.randomUUID().toString();
        String secret = WebhookSecrets.newSecret();
        List<String> types = body.types() == null ? List.of() : body.types();
        commands.sendAndWait(new RegisterWebhook(new OrgId(orgId), id, body.url(), types, body.description(),
                secrets.encrypt(id, secret), actorOf(caller)));
        return ResponseEntity.created(URI.create("/v1/orgs/" + orgId + "/webhooks/" + id))
                .body(new WebhookWithSecret(id, body.url(), types, body.description(), true, secret));
    }

    @PatchMapping(path = "/v1/orgs/{orgId}/webhooks/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    WebhookState change(@PathVariable String orgId, @PathVariable String id, @RequestBody ChangeRequest body,
                        Principal caller) {
        checkPath(orgId, id).orThrow();
        var check = new RequestCheck();
        checkFields(check, body.url(), body.types(), body.description());
        check.orThrow();
        if (body.url() != null) {
            refuseTarget(body.url());
        }
        return send(() -> commands.sendAndWait(new ChangeWebhook(new OrgId(orgId), id, body.url(), body.types(),
                body.description(), body.enabled(), actorOf(caller))));
    }

    @DeleteMapping("/v1/orgs/{orgId}/webhooks/{id}")
    ResponseEntity<Void> delete(@PathVariable String orgId, @PathVariable String id, Principal caller) {
        checkPath(orgId, id).orThrow();
        send(() -> commands.sendAndWait(new DeleteWebhook(new OrgId(orgId), id, actorOf(caller))));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/v1/orgs/{orgId}/webhooks/{id}:rotateSecret")
    WebhookWithSecret rotateSecret(@PathVariable String orgId, @PathVariable String id, Principal caller) {
        checkPath(orgId, id).orThrow();
        String secret = WebhookSecrets.newSecret();
        WebhookState state = send(() -> commands.sendAndWait(new RotateWebhookSecret(new OrgId(orgId), id,
                secrets.encrypt(id, secret), actorOf(caller))));
        return new WebhookWithSecret(state.id(), state.url(), state.types(), state.description(), state.enabled(),
                secret);
    }

    @PostMapping(path = "/v1/orgs/{orgId}/webhooks/{id}:replay", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> replay(@PathVariable String orgId, @PathVariable String id, @RequestBody ReplayRequest body,
                                Principal caller) {
        var check = checkPath(orgId, id);
        check.require(body.after() != null && body.after().matches("\\d{1,18}"), "after",
                "must be a feed cursor (a position of the org's feed, 0 for its beginning)");
        check.orThrow();
        long after = Long.parseLong(body.after());
        send(() -> commands.sendAndWait(new ReplayWebhook(new OrgId(orgId), id, after, actorOf(caller))));
        return ResponseEntity.accepted().build();
    }

    private static RequestCheck checkPath(String orgId, String id) {
        return new RequestCheck().orgId(orgId).require(WEBHOOK_ID.matcher(id).matches(), "id", "must be a webhook id");
    }

    private static void checkFields(RequestCheck check, String url, List<String> types, String description) {
        check.require(url == null || (url.length() <= MAX_URL && url.chars().noneMatch(Character::isISOControl)),
                "url", "must be an absolute URL of at most " + MAX_URL + " characters");
        if (types != null) {
            check.require(types.size() <= EVENT_TYPES.size(), "types", "must not hold more than the feed's types");
            check.require(new HashSet<>(types).size() == types.size(), "types", "must not repeat a type");
            for (int i = 0; i < types.size(); i++) {
                check.require(types.get(i) != null && EVENT_TYPES.contains(types.get(i)), "types[" + i + "]",
                        "must be one of the feed's types: " + EVENT_TYPES.stream().sorted().toList());
            }
        }
        check.require(description == null || (description.length() <= MAX_DESCRIPTION
                        && description.chars().noneMatch(Character::isISOControl)), "description",
                "must be at most " + MAX_DESCRIPTION + " characters without control characters");
    }

    /** 422 for a URL that may not be a target: not https (unless allowed), or resolving to a non-public address. */
    private void refuseTarget(String url) {
        targets.refusal(url).ifPresent(reason -> {
            ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "webhook-target-refused",
                    "the URL may not be a webhook target: it " + reason);
            problem.setProperty("errors", List.of(Map.of("field", "url", "message", reason)));
            throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_ENTITY, problem, null);
        });
    }

    private static <T> T send(Supplier<T> command) {
        try {
            return command.get();
        } catch (AggregateNotFoundException | WebhookNotFound e) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                    Problems.problem(HttpStatus.NOT_FOUND, "not-found", "no such webhook"), null);
        }
    }
}
