package dev.invitations.command.web;

import dev.invitations.api.invitation.EmailAddress;
import dev.invitations.api.invitation.Roles;
import dev.invitations.api.org.OrgId;
import dev.invitations.api.token.InvitationTokens;
import dev.invitations.command.config.InvitationsProperties;
import dev.invitations.command.invitation.AcceptInvitation;
import dev.invitations.command.invitation.AcceptInvitationAsInvitee;
import dev.invitations.command.invitation.DeclineInvitation;
import dev.invitations.command.invitation.DeclineInvitationAsInvitee;
import dev.invitations.command.invitation.InvitationRejected;
import dev.invitations.command.invitation.InvitationRejected.Reason;
import dev.invitations.command.invitation.ResendInvitation;
import dev.invitations.command.invitation.RevokeInvitation;
import dev.invitations.command.invitation.UpdateInvitation;
import dev.invitations.command.settings.OrgPolicies;
import dev.invitations.command.settings.OrgPolicy;
import dev.invitations.command.web.InvitationRequests.Resend;
import dev.invitations.command.web.InvitationRequests.Revoke;
import dev.invitations.command.web.InvitationRequests.Update;
import dev.invitations.command.web.InvitationRequests.UseToken;
import dev.invitations.resource.InvitationResource;
import dev.invitations.resource.InvitationState;
import dev.invitations.security.VerifiedInvitee;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import static dev.invitations.command.web.InvitationAnswers.actorOf;
import static dev.invitations.command.web.RequestCheck.expectedVersion;

/** The command API's calls on an existing invitation: each becomes one command, answered as it was stored. */
@RestController
class InvitationCommandController {

    private static final String INVITATION = "/v1/orgs/{orgId}/invitations/{id}";

    private final CommandGateway commands;
    private final InvitationAnswers answers;
    private final InvitationTokens tokens;
    private final OrgPolicies policies;
    private final InvitationsProperties properties;
    private final Clock clock;

    InvitationCommandController(CommandGateway commands, InvitationAnswers answers, InvitationTokens tokens,
                                OrgPolicies policies, InvitationsProperties properties, Clock clock) {
        this.commands = commands;
        this.answers = answers;
        this.tokens = tokens;
        this.policies = policies;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(path = INVITATION + ":resend")
    ResponseEntity<IssuedInvitation> resend(@PathVariable String orgId, @PathVariable String id,
                                            @RequestBody(required = false) Resend body,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            Principal caller) {
        Resend resend = body != null ? body : Resend.DEFAULTS;
        new RequestCheck().orgId(orgId).orThrow();
        OrgPolicy policy = policies.current(new OrgId(orgId));
        var check = new RequestCheck();
        check.languageTag("locale", resend.locale());
        Instant expiry = check.expiry(resend.ttl(), resend.expirationTime(), policy.ttlBounds(properties.ttl().bounds()),
                clock.instant());
        check.orThrow();

        commands.sendAndWait(new ResendInvitation(existing(id), new OrgId(orgId), expiry, resend.locale(), policy,
                actorOf(caller), expectedVersion(ifMatch)));
        var resent = answers.current(id);
        return ResponseEntity.ok().eTag(InvitationAnswers.versionOf(resent.resource())).body(answers.issued(resent));
    }

    @PostMapping(path = INVITATION + ":revoke")
    ResponseEntity<InvitationResource> revoke(@PathVariable String orgId, @PathVariable String id,
                                              @RequestBody(required = false) Revoke body,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              Principal caller) {
        Revoke revoke = body != null ? body : Revoke.WITHOUT_REASON;
        new RequestCheck().orgId(orgId).text("reason", revoke.reason()).orThrow();
        commands.sendAndWait(new RevokeInvitation(existing(id), new OrgId(orgId), revoke.reason(), actorOf(caller),
                expectedVersion(ifMatch)));
        return answers.ok(id);
    }

    /** Cancelling is revoking without a reason, answered without a body. */
    @ApiResponse(responseCode = "204", description = "cancelled")
    @DeleteMapping(path = INVITATION)
    ResponseEntity<Void> cancel(@PathVariable String orgId, @PathVariable String id,
                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                Principal caller) {
        new RequestCheck().orgId(orgId).orThrow();
        commands.sendAndWait(new RevokeInvitation(existing(id), new OrgId(orgId), null, actorOf(caller),
                expectedVersion(ifMatch)));
        return ResponseEntity.noContent().eTag(InvitationAnswers.versionOf(answers.current(id).resource())).build();
    }

    @PatchMapping(path = INVITATION, consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    ResponseEntity<InvitationResource> update(@PathVariable String orgId, @PathVariable String id,
                                              @RequestBody Update body,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              Principal caller) {
        InvitationState newState = parseState(body.state());
        var check = new RequestCheck().orgId(orgId);
        Roles roles = check.roles(body.role(), body.roles());
        check.labels(body.labels())
                .text("revokeReason", body.revokeReason())
                .require(body.state() == null || newState != null, "state",
                        "must be one of " + Arrays.toString(InvitationState.values()))
                .require(newState == null || (body.role() == null && body.roles() == null && body.labels() == null), "state",
                        "cannot be changed together with roles or labels")
                .orThrow();
        if (newState != null && newState != InvitationState.REVOKED) {
            throw new InvitationRejected(Reason.NOT_PENDING, "state can only be changed to REVOKED");
        }

        Long expectedVersion = expectedVersion(ifMatch);
        if (newState == InvitationState.REVOKED) {
            commands.sendAndWait(new RevokeInvitation(existing(id), new OrgId(orgId), body.revokeReason(),
                    actorOf(caller), expectedVersion));
        } else {
            commands.sendAndWait(new UpdateInvitation(existing(id), new OrgId(orgId), roles, body.labels(),
                    actorOf(caller), expectedVersion));
        }
        return answers.ok(id);
    }

    @PostMapping(path = "/v1/invitations:accept", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<InvitationResource> accept(@RequestBody UseToken body) {
        new RequestCheck().require(body.token() != null && !body.token().isBlank(), "token", "is required")
                .text("acceptedBy", body.acceptedBy())
                .text("email", body.email())
                .orThrow();
        String id = invitationNamedBy(body.token());
        EmailAddress email = body.email() != null ? new EmailAddress(body.email()) : null;
        commands.sendAndWait(new AcceptInvitation(id, hashOf(body.token()), body.acceptedBy(), email,
                properties.accept().requireEmailMatch()));
        return answers.ok(id);
    }

    @PostMapping(path = "/v1/invitations:decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<InvitationResource> decline(@RequestBody UseToken body) {
        new RequestCheck().require(body.token() != null && !body.token().isBlank(), "token", "is required").orThrow();
        String id = invitationNamedBy(body.token());
        commands.sendAndWait(new DeclineInvitation(id, hashOf(body.token())));
        return answers.ok(id);
    }

    /**
     * The invitee, signed in with a verified email, accepts an invitation to that email by its id; their user
     * reference is the token's subject. Any other invitation answers 404.
     */
    @PostMapping(path = "/v1/me/invitations/{id}:accept")
    ResponseEntity<InvitationResource> acceptAsInvitee(@PathVariable String id, Authentication caller) {
        commands.sendAndWait(new AcceptInvitationAsInvitee(existing(id), VerifiedInvitee.requireEmailOf(caller),
                caller.getName()));
        return answers.ok(id);
    }

    @PostMapping(path = "/v1/me/invitations/{id}:decline")
    ResponseEntity<InvitationResource> declineAsInvitee(@PathVariable String id, Authentication caller) {
        commands.sendAndWait(new DeclineInvitationAsInvitee(existing(id), VerifiedInvitee.requireEmailOf(caller)));
        return answers.ok(id);
    }

    /** Invitation ids are UUIDs: anything else cannot name one, and never reaches the event store. */
    private static String existing(String id) {
        try {
            return UUID.fromString(id).toString().equals(id) ? id : notFound();
        } catch (IllegalArgumentException notAUuid) {
            return notFound();
        }
    }

    private static String invitationNamedBy(String token) {
        return InvitationTokens.invitationIdOf(token)
                .orElseThrow(() -> new InvitationRejected(Reason.NOT_FOUND, "unknown token"));
    }

    /** A token whose key was retired is as unknown as one never issued. */
    private String hashOf(String token) {
        return tokens.hash(token).orElseThrow(() -> new InvitationRejected(Reason.NOT_FOUND, "unknown token"));
    }

    private static String notFound() {
        throw new InvitationRejected(Reason.NOT_FOUND, "no such invitation");
    }

    private static InvitationState parseState(String state) {
        return Optional.ofNullable(state)
                .flatMap(name -> Arrays.stream(InvitationState.values()).filter(s -> s.name().equals(name)).findFirst())
                .orElse(null);
    }
}
