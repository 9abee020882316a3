package dev.invitations.command.storage;

import dev.invitations.command.RunningCommandSide;
import dev.invitations.command.invitation.InvitationRejected;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The claim rule on the real MongoDB wire server, including the repair of claims a crash left behind. */
class MongoPendingEmailClaimsTest extends RunningCommandSide {

    @Autowired
    MongoPendingEmailClaims claims;

    @Test
    void aClaimIsExclusiveCaseInsensitivelyUntilReleased() {
        claims.claim(org, "Ada@Example.com", "invitation-1");

        assertThatThrownBy(() -> claims.claim(org, " ada@example.COM", "invitation-2"))
                .isInstanceOfSatisfying(InvitationRejected.class,
                        e -> assertThat(e.reason()).isEqualTo(InvitationRejected.Reason.DUPLICATE_PENDING));

        claims.release(org, "ada@example.com", "invitation-2"); // not the holder: changes nothing
        assertThatThrownBy(() -> claims.claim(org, "ada@example.com", "invitation-3"))
                .isInstanceOf(InvitationRejected.class);

        claims.release(org, "ADA@example.com", "invitation-1");
        claims.claim(org, "ada@example.com", "invitation-3");
        assertThat(holderOf("ada@example.com")).isEqualTo("invitation-3");
    }

    @Test
    void aClaimWhoseInvitationWasNeverStoredIsTakenOverAfterTheGracePeriod() {
        // what a process that died between claiming and storing the invitation leaves behind
        mongo.insert(new Document("_id", org + "/grace@example.com")
                .append("invitationId", UUID.randomUUID().toString())
                .append("claimedAt", Date.from(Instant.now().minus(Duration.ofMinutes(5)))),
                MongoPendingEmailClaims.COLLECTION);

        claims.claim(org, "grace@example.com", "invitation-new");

        assertThat(holderOf("grace@example.com")).isEqualTo("invitation-new");
    }

    @Test
    void aFreshClaimOfAnInvitationStillBeingCreatedIsRespected() {
        mongo.insert(new Document("_id", org + "/alan@example.com")
                .append("invitationId", UUID.randomUUID().toString())
                .append("claimedAt", new Date()), MongoPendingEmailClaims.COLLECTION);

        assertThatThrownBy(() -> claims.claim(org, "alan@example.com", "invitation-new"))
                .isInstanceOf(InvitationRejected.class);
    }

    private String holderOf(String email) {
        Document claim = mongo.findById(org + "/" + email, Document.class, MongoPendingEmailClaims.COLLECTION);
        return claim == null ? null : claim.getString("invitationId");
    }
}
