package dev.invitations.personaldata;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.invitations.api.invitation.InvitationAccepted;
import dev.invitations.api.invitation.InvitationCreated;
import dev.invitations.api.invitation.InvitationUpdated;
import dev.invitations.api.invitation.PersonalDataErased;
import dev.invitations.api.org.OrgSettingsChanged;
import dev.invitations.api.personaldata.HoldsPersonalData;
import dev.invitations.testing.MongoForTests;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A store whose events hold emails in plain text (written by an earlier release) is refused with a clear message. */
class PlaintextHistoryCheckTest {

    private final MongoClient client = MongoClients.create(MongoForTests.connectionString());
    private final MongoCollection<Document> events = client
            .getDatabase(MongoForTests.database("plaintext-check-" + UUID.randomUUID())).getCollection("domainevents");
    private final PlaintextHistoryCheck check = new PlaintextHistoryCheck(events);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void anEmptyStoreAndOneOfEncryptedEventsAreAccepted() {
        assertThatCode(check::requireEncryptedHistory).doesNotThrowAnyException();
        stored(InvitationCreated.class, "2");
        // an event type without personal data keeps its revision, and so does an event of no invitation
        stored(InvitationUpdated.class, "1");
        stored(OrgSettingsChanged.class, "1");
        assertThatCode(check::requireEncryptedHistory).doesNotThrowAnyException();
    }

    @Test
    void anEventOfTheRevisionBeforeEncryptionIsRefused() {
        stored(InvitationCreated.class, "2");
        stored(InvitationCreated.class, "1");

        assertThatThrownBy(check::requireEncryptedHistory)
                .isInstanceOf(PlaintextHistoryCheck.PlaintextHistoryException.class)
                .hasMessageContaining(InvitationCreated.class.getName())
                .hasMessageContaining("revision 1")
                .hasMessageContaining("new, empty store");
    }

    @Test
    void laterRevisionsAreEncryptedAndRead() {
        stored(InvitationCreated.class, "2");
        stored(InvitationCreated.class, "3");
        stored(InvitationAccepted.class, "3");

        assertThatCode(check::requireEncryptedHistory).doesNotThrowAnyException();
    }

    @Test
    void everyEventTypeThatHeldAnEmailInPlainTextIsChecked() {
        assertThat(PlaintextHistoryCheck.WRITTEN_IN_PLAIN_TEXT).hasSize(8)
                .allMatch(HoldsPersonalData.class::isAssignableFrom)
                .contains(InvitationCreated.class).doesNotContain(InvitationUpdated.class, PersonalDataErased.class);
    }

    private void stored(Class<?> type, String revision) {
        events.insertOne(new Document("payloadType", type.getName()).append("payloadRevision", revision));
    }
}
