package dev.invitations.command.erasure;

import dev.invitations.api.org.OrgId;
import dev.invitations.command.invitation.ErasePersonalData;
import dev.invitations.command.storage.InvitationStreams;
import dev.invitations.command.storage.InvitationSubjects;
import dev.invitations.personaldata.DataKeys;
import dev.invitations.resource.InvitationResource;
import dev.invitations.resource.InvitationState;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Erases a person's data in an org, on request or at the end of the retention period: every invitation of theirs
 * records the erasure (a pending one is revoked first), then their key is destroyed, which makes the personal fields
 * of all their events unreadable wherever the events are. Done only once the key is gone, and on every instance once
 * {@link #awaitOtherInstancesForgot} returns; running it again finishes what a failed run left.
 */
@Service
public class PersonalDataErasure {

    private final CommandGateway commands;
    private final InvitationSubjects subjects;
    private final InvitationStreams invitations;
    private final DataKeys keys;

    public PersonalDataErasure(CommandGateway commands, InvitationSubjects subjects, InvitationStreams invitations,
                               DataKeys keys) {
        this.commands = commands;
        this.subjects = subjects;
        this.invitations = invitations;
        this.keys = keys;
    }

    /** Erases the person {@code subjectHash} stands for in {@code orgId}, on behalf of {@code actor}. */
    public Erased erase(OrgId orgId, String subjectHash, String actor) {
        List<String> erased = new ArrayList<>();
        List<String> revoked = new ArrayList<>();
        // an invitation created while this runs is erased too: the key goes only once no invitation is left
        for (List<String> left = subjects.invitationsOf(subjectHash); !left.isEmpty();
             left = remaining(subjects.invitationsOf(subjectHash), erased)) {
            for (String id : left) {
                boolean pending = current(id).getState() == InvitationState.PENDING;
                commands.sendAndWait(new ErasePersonalData(id, orgId, actor));
                erased.add(id);
                if (pending) {
                    revoked.add(id);
                }
            }
        }
        keys.erase(subjectHash);
        Map<String, InvitationResource> after = new LinkedHashMap<>();
        erased.forEach(id -> after.put(id, current(id)));
        return new Erased(List.copyOf(after.values()), revoked.stream().map(after::get).toList());
    }

    /**
     * Returns once no instance can hold the erased key in its cache any more: before an erasure is said to be done.
     */
    public void awaitOtherInstancesForgot() {
        try {
            keys.awaitOtherInstancesForgot();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before the erasure was complete on every instance", e);
        }
    }

    private InvitationResource current(String id) {
        return invitations.find(id).orElseThrow().resource();
    }

    private static List<String> remaining(List<String> all, List<String> done) {
        return all.stream().filter(id -> !done.contains(id)).toList();
    }

    /** Every invitation of the person in the org, as they read after the erasure, and the pending ones revoked. */
    public record Erased(List<InvitationResource> invitations, List<InvitationResource> revoked) {
    }
}
