package dev.invitations.command.storage;

import dev.invitations.api.invitation.InvitationAccepted;
import dev.invitations.api.invitation.InvitationCreated;
import dev.invitations.api.invitation.InvitationDeclined;
import dev.invitations.api.invitation.InvitationExpired;
import dev.invitations.api.invitation.InvitationResent;
import dev.invitations.api.invitation.InvitationRevoked;
import dev.invitations.api.invitation.PersonalDataErased;
import dev.invitations.personaldata.DataKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Which invitations are about which person, and when each ended, so that an erasure finds all of a person's
 * invitations in an org and the retention period finds the people whose invitations all ended long ago. The person
 * is stored only as the keyed hash of their org and email ({@link DataKeys#subjectHash}), never the email. Kept in the
 * same unit of work as the events (a subscribing processor), so an erasure right after a create finds it.
 */
@Component
@ProcessingGroup("invitation-subjects")
public class InvitationSubjects {

    static final String COLLECTION = "invitation_subjects";
    private static final String SUBJECT = "subject";
    private static final String END_TIME = "endTime";
    private static final String ERASED = "erased";

    private final MongoTemplate mongo;
    private final DataKeys keys;

    public InvitationSubjects(MongoTemplate mongo, DataKeys keys) {
        this.mongo = mongo;
        this.keys = keys;
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on(SUBJECT, Sort.Direction.ASC).named("by-subject"));
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on(END_TIME, Sort.Direction.ASC).named("by-end"));
    }

    /** The ids of every invitation of the person {@code subjectHash} stands for, oldest first. */
    public List<String> invitationsOf(String subjectHash) {
        return mongo.find(query(where(SUBJECT).is(subjectHash)).with(Sort.by("createTime")), Document.class,
                        COLLECTION).stream()
                .map(document -> document.getString("_id"))
                .toList();
    }

    /**
     * People (by org and keyed hash) with data not yet erased whose invitations all ended before {@code cutoff}: one
     * still pending, or ended since, keeps the person's data, which their key protects for all their invitations.
     */
    public List<Person> endedBefore(Instant cutoff) {
        Map<String, Person> candidates = new LinkedHashMap<>();
        try (var ended = mongo.stream(query(where(END_TIME).lt(Date.from(cutoff)).and(ERASED).ne(true)),
                Document.class, COLLECTION)) {
            ended.forEach(invitation -> candidates.putIfAbsent(invitation.getString(SUBJECT),
                    new Person(invitation.getString("orgId"), invitation.getString(SUBJECT))));
        }
        List<Person> people = new ArrayList<>();
        for (Person person : candidates.values()) {
            boolean activeOrRecent = mongo.exists(query(where(SUBJECT).is(person.subjectHash()).and(ERASED).ne(true)
                    .orOperator(where(END_TIME).is(null), where(END_TIME).gte(Date.from(cutoff)))), COLLECTION);
            if (!activeOrRecent) {
                people.add(person);
            }
        }
        return people;
    }

    @EventHandler
    void on(InvitationCreated created) {
        mongo.upsert(query(where("_id").is(created.invitationId())),
                Update.update(SUBJECT, keys.subjectHash(created.dataSubject())).set("orgId", created.orgId())
                        .set("createTime", created.createTime()), COLLECTION);
    }

    @EventHandler
    void on(InvitationAccepted accepted) {
        ended(accepted.invitationId(), accepted.acceptTime());
    }

    @EventHandler
    void on(InvitationDeclined declined) {
        ended(declined.invitationId(), declined.declineTime());
    }

    @EventHandler
    void on(InvitationRevoked revoked) {
        ended(revoked.invitationId(), revoked.revokeTime());
    }

    @EventHandler
    void on(InvitationExpired expired) {
        ended(expired.invitationId(), expired.expireTime());
    }

    /** A resend brings an expired invitation back to pending. */
    @EventHandler
    void on(InvitationResent resent) {
        mongo.updateFirst(query(where("_id").is(resent.invitationId())), new Update().unset(END_TIME), COLLECTION);
    }

    @EventHandler
    void on(PersonalDataErased erased) {
        mongo.updateFirst(query(where("_id").is(erased.invitationId())), Update.update(ERASED, true), COLLECTION);
    }

    private void ended(String invitationId, Instant time) {
        mongo.updateFirst(query(where("_id").is(invitationId)), Update.update(END_TIME, Date.from(time)), COLLECTION);
    }

    /** A person in an org, known by the keyed hash of their org and email. */
    public record Person(String orgId, String subjectHash) {
    }
}
