package dev.invitations.command.erasure;

import dev.invitations.api.org.OrgId;
import dev.invitations.command.storage.InvitationSubjects;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The retention period: erases the personal data of people whose invitations in an org all ended
 * {@code invitations.retention.erase-after} ago, as an erasure on request would. One instance runs it at a time, under
 * a lease in MongoDB; each person is erased on their own, so a run cut short leaves the rest to the next.
 */
public class RetentionJob {

    static final String ACTOR = "retention";
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final String LEASES = "job_leases";
    private static final String LEASE_ID = "personal-data-retention";
    private static final int PEOPLE_PER_LEASE_CHECK = 100;

    private final InvitationSubjects subjects;
    private final PersonalDataErasure erasure;
    private final MongoTemplate mongo;
    private final RetentionProperties properties;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();

    public RetentionJob(InvitationSubjects subjects, PersonalDataErasure erasure, MongoTemplate mongo,
                        RetentionProperties properties, Clock clock) {
        this.subjects = subjects;
        this.erasure = erasure;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return how many people's data it erased; 0 also when another instance holds the job */
    public int eraseEndedLongAgo() {
        if (!takeLease()) {
            return 0;
        }
        int erased = 0;
        Instant cutoff = clock.instant().minus(properties.eraseAfter());
        for (var person : subjects.endedBefore(cutoff)) {
            // the lease is renewed as the run goes on; lost (this instance stalled), the rest is the holder's
            if (erased % PEOPLE_PER_LEASE_CHECK == 0 && erased > 0 && !takeLease()) {
                break;
            }
            erasure.erase(new OrgId(person.orgId()), person.subjectHash(), ACTOR);
            erased++;
        }
        if (erased > 0) {
            log.info("retention: erased the personal data of {} people whose invitations ended before {}", erased,
                    cutoff);
        }
        return erased;
    }

    /** Takes or extends the lease; false while another instance holds it. */
    private boolean takeLease() {
        Instant now = clock.instant();
        try {
            return mongo.findAndModify(
                    query(where("_id").is(LEASE_ID)
                            .orOperator(where("holder").is(instance), where("until").lt(Date.from(now)))),
                    Update.update("holder", instance).set("until", Date.from(now.plus(properties.lease()))),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, LEASES) != null;
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }
}
