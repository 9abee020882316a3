package dev.invitations.command.web;

import dev.invitations.api.org.OrgId;
import dev.invitations.command.config.InvitationsProperties;
import dev.invitations.command.settings.ChangeOrgSettings;
import dev.invitations.command.settings.OrgPolicy;
import dev.invitations.command.storage.OrgSettingsStreams;
import dev.invitations.command.storage.OrgSettingsStreams.CurrentOrgSettings;
import dev.invitations.resource.OrgSettingsResource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

import static dev.invitations.command.web.InvitationAnswers.actorOf;
import static dev.invitations.command.web.RequestCheck.expectedVersion;

/** Changing an org's settings: one command, answered with the settings as their stream now holds them. */
@RestController
class OrgSettingsController {

    private final CommandGateway commands;
    private final OrgSettingsStreams settings;
    private final InvitationsProperties properties;

    OrgSettingsController(CommandGateway commands, OrgSettingsStreams settings, InvitationsProperties properties) {
        this.commands = commands;
        this.settings = settings;
        this.properties = properties;
    }

    /** Replaces all the settings; the same settings again store nothing and answer the current version. */
    @PutMapping(path = "/v1/orgs/{orgId}/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OrgSettingsResource> put(@PathVariable String orgId, @RequestBody OrgSettingsRequest body,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            Principal caller) {
        var check = new RequestCheck().orgId(orgId);
        OrgPolicy policy = body.policy(check, properties.ttl().bounds());
        check.orThrow();
        Long expectedVersion = expectedVersion(ifMatch);

        var org = new OrgId(orgId);
        commands.sendAndWait(new ChangeOrgSettings(org, policy, actorOf(caller), expectedVersion));
        var stored = settings.find(org);
        return ResponseEntity.ok()
                .eTag(String.valueOf(stored.map(CurrentOrgSettings::version).orElse(0L)))
                .body(stored.map(current -> OrgSettingsResource.of(current.settings()))
                        .orElse(OrgSettingsResource.DEFAULTS));
    }
}
