package dev.invitations.command.web;

import dev.invitations.api.invitation.EmailAddress;
import dev.invitations.api.org.OrgId;
import dev.invitations.api.personaldata.DataSubject;
import dev.invitations.command.erasure.PersonalDataErasure;
import dev.invitations.command.erasure.PersonalDataErasure.Erased;
import dev.invitations.personaldata.DataKeys;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;

import static dev.invitations.command.web.InvitationAnswers.actorOf;

/** A person's erasure from an org (the right to be forgotten), answered once no instance holds their key. */
@RestController
class PersonalDataController {

    private final PersonalDataErasure erasure;
    private final DataKeys keys;

    PersonalDataController(PersonalDataErasure erasure, DataKeys keys) {
        this.erasure = erasure;
        this.keys = keys;
    }

    @PostMapping(path = "/v1/orgs/{orgId}/personalData:erase", consumes = MediaType.APPLICATION_JSON_VALUE)
    Erased erase(@PathVariable String orgId, @RequestBody EraseRequest body, Principal caller) {
        new RequestCheck().orgId(orgId).email("email", body.email()).orThrow();
        String subjectHash = keys.subjectHash(new DataSubject(orgId, new EmailAddress(body.email())));
        Erased erased = erasure.erase(new OrgId(orgId), subjectHash, actorOf(caller));
        erasure.awaitOtherInstancesForgot();
        return erased;
    }

    /** The person whose data is erased. */
    record EraseRequest(String email) {
    }
}
