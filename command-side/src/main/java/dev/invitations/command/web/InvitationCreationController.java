package dev.invitations.command.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.invitations.api.invitation.EmailAddress;
import dev.invitations.api.invitation.InvitationCreated;
import dev.invitations.api.invitation.Roles;
import dev.invitations.api.org.OrgId;
import dev.invitations.command.config.InvitationsProperties;
import dev.invitations.command.idempotency.IdempotentRequests;
import dev.invitations.command.idempotency.IdempotentRequests.Outcome;
import dev.invitations.command.idempotency.IdempotentRequests.Outcome.Item;
import dev.invitations.command.invitation.CreateInvitation;
import dev.invitations.command.invitation.InvitationRejected;
import dev.invitations.command.settings.OrgPolicies;
import dev.invitations.command.settings.OrgPolicy;
import dev.invitations.command.storage.InvitationStreams;
import dev.invitations.command.storage.InvitationStreams.CurrentInvitation;
import dev.invitations.command.web.InvitationRequests.BatchCreate;
import dev.invitations.command.web.InvitationRequests.Create;
import dev.invitations.problem.InvalidRequestException;
import dev.invitations.problem.Problems;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static dev.invitations.command.web.InvitationAnswers.actorOf;

/** Creating invitations, one or a batch, at most once per {@code Idempotency-Key}. */
@RestController
class InvitationCreationController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int MAX_BATCH = 100;
    private static final int MAX_METADATA_BYTES = 4096;
    private static final TypeReference<Map<String, Object>> PROBLEM_AS_MAP = new TypeReference<>() { };

    private final CommandGateway commands;
    private final InvitationAnswers answers;
    private final IdempotentRequests idempotentRequests;
    private final OrgPolicies policies;
    private final InvitationsProperties properties;
    private final Clock clock;
    private final ObjectMapper json;

    InvitationCreationController(CommandGateway commands, InvitationAnswers answers,
                                 IdempotentRequests idempotentRequests, OrgPolicies policies,
                                 InvitationsProperties properties, Clock clock, ObjectMapper json) {
        this.commands = commands;
        this.policies = policies;
        this.answers = answers;
        this.idempotentRequests = idempotentRequests;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
    }

    @ApiResponse(responseCode = "201", description = "created; Location names it, the body carries its link and token")
    @PostMapping(path = "/v1/orgs/{orgId}/invitations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IssuedInvitation> create(@PathVariable String orgId, @RequestBody Create body,
                                            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                            Principal caller) {
        String actor = actorOf(caller);
        var createdNow = new HashMap<String, CurrentInvitation>();
        Outcome outcome = atMostOnce(key, orgId, actor, body, () -> new Outcome(201,
                List.of(new Item(createOne(orgId, body, actor, policyOf(orgId), createdNow), null))));
        var created = currentOf(outcome.items().get(0).invitationId(), createdNow);
        return ResponseEntity.status(outcome.status())
                .location(URI.create("/v1/orgs/" + orgId + "/invitations/" + created.resource().getId()))
                .eTag(InvitationAnswers.versionOf(created.resource()))
                .body(answers.issued(created));
    }

    /** Each request is checked and created on its own; one that fails does not stop the others. */
    @PostMapping(path = "/v1/orgs/{orgId}/invitations:batchCreate", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BatchResults> batchCreate(@PathVariable String orgId, @RequestBody BatchCreate body,
                                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                             Principal caller) {
        List<Create> requests = body.requests();
        new RequestCheck().orgId(orgId)
                .require(requests != null && !requests.isEmpty() && requests.size() <= MAX_BATCH, "requests",
                        "must hold 1 to " + MAX_BATCH + " create requests")
                .require(requests == null || !requests.contains(null), "requests", "must not hold null")
                .orThrow();
        String actor = actorOf(caller);
        var createdNow = new HashMap<String, CurrentInvitation>();
        Outcome outcome = atMostOnce(key, orgId, actor, body,
                () -> {
                    // one read of the settings for the whole batch: every item obeys the same policy
                    OrgPolicy policy = policyOf(orgId);
                    return new Outcome(200, requests.stream()
                            .map(request -> tryCreate(orgId, request, actor, policy, createdNow)).toList());
                });
        return ResponseEntity.status(outcome.status())
                .body(new BatchResults(outcome.items().stream().map(item -> resultOf(item, createdNow)).toList()));
    }

    /** The org's policy as its settings stand now; the org id is checked first. */
    private OrgPolicy policyOf(String orgId) {
        new RequestCheck().orgId(orgId).orThrow();
        return policies.current(new OrgId(orgId));
    }

    /**
     * The invitation as this request created it (no read needed), or, for a repeated request answered from its first
     * outcome, as its stream says it is now.
     */
    private CurrentInvitation currentOf(String invitationId, Map<String, CurrentInvitation> createdNow) {
        CurrentInvitation created = createdNow.get(invitationId);
        return created != null ? created : answers.current(invitationId);
    }

    /** Creates the invitation {@code body} asks for; its id, and the invitation as created in {@code createdNow}. */
    private String createOne(String orgId, Create body, String actor, OrgPolicy policy,
                             Map<String, CurrentInvitation> createdNow) {
        var check = new RequestCheck().orgId(orgId)
                .email("invitedEmail", body.invitedEmail())
                .text("inviter", body.inviter())
                .labels(body.labels());
        // kept as given: the check's canonical form is for the org's settings
        check.languageTag("locale", body.locale());
        Roles roles = check.roles(body.role(), body.roles());
        URI redirectUrl = check.redirectUrl(body.redirectUrl());
        Instant expiry = check.expiry(body.ttl(), body.expirationTime(), policy.ttlBounds(properties.ttl().bounds()),
                clock.instant());
        check.orThrow();
        requireMetadataWithinLimit(body.metadata());

        String id = UUID.randomUUID().toString();
        InvitationCreated created = commands.sendAndWait(new CreateInvitation(id, new OrgId(orgId),
                new EmailAddress(body.invitedEmail()), roles, body.inviter(), expiry,
                Boolean.TRUE.equals(body.disableInvitationEmail()), body.labels(), body.locale(), redirectUrl,
                body.metadata(), policy, actor));
        createdNow.put(id, InvitationStreams.created(created));
        return id;
    }

    /** The contract's 4 KB bound on {@code metadata}, as the service serializes it: 413 above. */
    private void requireMetadataWithinLimit(Map<String, Object> metadata) {
        if (metadata == null) {
            return;
        }
        try {
            if (json.writeValueAsBytes(metadata).length > MAX_METADATA_BYTES) {
                throw new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE, Problems.problem(
                        HttpStatus.PAYLOAD_TOO_LARGE, "metadata-too-large",
                        "metadata must be at most " + MAX_METADATA_BYTES + " bytes as JSON"), null);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON object always serializes", e);
        }
    }

    private Item tryCreate(String orgId, Create request, String actor, OrgPolicy policy,
                           Map<String, CurrentInvitation> createdNow) {
        try {
            return new Item(createOne(orgId, request, actor, policy, createdNow), null);
        } catch (InvalidRequestException | InvitationRejected | ErrorResponseException refused) {
            Map<String, Object> problem = json.convertValue(ProblemResponses.problemFor(refused), PROBLEM_AS_MAP);
            return new Item(null, problem);
        }
    }

    private BatchResult resultOf(Item item, Map<String, CurrentInvitation> createdNow) {
        return item.invitationId() != null
                ? new BatchResult(answers.issued(currentOf(item.invitationId(), createdNow)), null)
                : new BatchResult(null, item.problem());
    }

    /** Without a key, just runs; with one, runs once per (caller, org, key) and request fingerprint. */
    private Outcome atMostOnce(String key, String orgId, String actor, Object body, Supplier<Outcome> run) {
        if (key == null) {
            return run.get();
        }
        new RequestCheck().require(key.matches("[\\x21-\\x7E]{1,255}"), IDEMPOTENCY_KEY,
                "must be 1-255 visible ASCII characters").orThrow();
        return idempotentRequests.once(actor + "|" + orgId + "|" + key, fingerprintOf(orgId, body), run);
    }

    /** The request as parsed, so that {@code email} and {@code invitedEmail}, or key order, do not matter. */
    private String fingerprintOf(String orgId, Object body) {
        try {
            byte[] canonical = json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsBytes(List.of(orgId, body));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("a parsed request always serializes and SHA-256 is in every JDK", e);
        }
    }

    record BatchResults(List<BatchResult> results) {
    }

    /** Either the created invitation or the problem that refused it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BatchResult(IssuedInvitation invitation, Map<String, Object> error) {
    }
}
