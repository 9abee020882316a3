package dev.invitations.command.email;

import dev.invitations.command.MailServerForTests;
import dev.invitations.command.RunningCommandSide;
import dev.invitations.testing.HttpForTests.Answer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;

import static dev.invitations.command.email.EmailsForTests.part;
import static dev.invitations.command.email.EmailsForTests.tokenOfLinkIn;
import static org.assertj.core.api.Assertions.assertThat;

/** The invitation email as the invitee gets it, caught by a real SMTP server (GreenMail). */
class InvitationEmailTest extends RunningCommandSide {

    private static final Duration PATIENCE = Duration.ofSeconds(10);


    @Test
    void theInvitedAddressGetsATextAndHtmlEmailWhoseLinkAcceptsTheInvitation() {
        String address = "grace@" + org + ".example.com";
        Answer created = create(address, "\"inviter\":\"Ada Lovelace\"");

        MimeMessage email = EmailsForTests.await(address, 1).get(0);
        String text = part(email, "text/plain");
        String html = part(email, "text/html");
        assertThat(subjectOf(email)).isEqualTo("Ada Lovelace invited you to join " + org + " as admin");
        assertThat(text).contains("Ada Lovelace has invited you to join " + org + " as admin.")
                .contains("The invitation is for " + address + " and expires on ");
        assertThat(html).contains("<html lang=\"en\"", "Ada Lovelace has invited you to join " + org + " as admin.");
        String token = tokenOfLinkIn(text);
        assertThat(tokenOfLinkIn(html)).isEqualTo(token);
        assertThat(token).isEqualTo(created.body().get("invitationToken").asText());

        events.await(idOf(created), "InvitationEmailSent", 1, PATIENCE);
        Answer accepted = accept(token);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().at("/delivery/status").asText()).isEqualTo("SENT");
        assertThat(accepted.body().at("/delivery/attempts").asInt()).isEqualTo(1);
    }

    @Test
    void aResendSendsANewLinkAndTheFirstOneStopsWorking() {
        String address = "hopper@" + org + ".example.com";
        Answer created = create(address, "\"inviter\":\"Ada\"");
        String firstToken = tokenOfLinkIn(part(EmailsForTests.await(address, 1).get(0), "text/plain"));

        assertThat(http.post(invitation(idOf(created)) + ":resend", "{}").status()).isEqualTo(200);

        String secondToken = tokenOfLinkIn(part(EmailsForTests.await(address, 2).get(1), "text/plain"));
        assertThat(secondToken).isNotEqualTo(firstToken);
        // one Message-ID per send, the same in every attempt at it: a repeat shows in a mailbox as one message
        assertThat(EmailsForTests.await(address, 2)).extracting(MimeMessage::getMessageID).containsExactly(
                "<invitation-" + idOf(created) + ".send-1@localhost>",
                "<invitation-" + idOf(created) + ".send-2@localhost>");
        assertThat(accept(firstToken).status()).isEqualTo(410);
        assertThat(accept(secondToken).status()).isEqualTo(200);
        assertThat(events.await(idOf(created), "InvitationEmailSent", 2, PATIENCE))
                .extracting(event -> event.get("serializedPayload").toString())
                .anySatisfy(payload -> assertThat(payload).contains("\"sendCount\":2"));
    }

    @Test
    void anInvitationWithoutEmailSendsNoneAndSaysSuppressed() {
        String silent = "silent@" + org + ".example.com";
        Answer created = create(silent, "\"disableInvitationEmail\":true");
        assertThat(created.body().at("/delivery/status").asText()).isEqualTo("SUPPRESSED");

        // the saga handles events in order: once a later invitation's email is out, the first one was handled
        String later = "later@" + org + ".example.com";
        create(later, "\"inviter\":\"Ada\"");
        EmailsForTests.await(later, 1);

        assertThat(MailServerForTests.emailsTo(silent)).isEmpty();
        assertThat(events.of(idOf(created), "InvitationEmailSent")).isEmpty();
    }

    @Test
    void noTokenIsStoredInTheSagaOrItsDeadlines() {
        String address = "lin@" + org + ".example.com";
        Answer created = create(address, "\"inviter\":\"Ada\"");
        EmailsForTests.await(address, 1);
        String token = created.body().get("invitationToken").asText();

        String saga = awaitStored("sagas", idOf(created));
        assertThat(saga).doesNotContain(token);
        assertThat(storedIn("deadlines")).contains("invitation-expiry").doesNotContain(token);
    }

    /** The collection's documents as text, once one of them mentions {@code expected}. */
    private String awaitStored(String collection, String expected) {
        return EmailsForTests.poll(collection + " mentioning " + expected, PATIENCE)
                .until(() -> storedIn(collection), stored -> stored.contains(expected));
    }

    private String storedIn(String collection) {
        return mongo.getCollection(collection).find().into(new ArrayList<>()).toString();
    }

    private Answer create(String email, String more) {
        Answer created = http.post("/v1/orgs/" + org + "/invitations",
                "{\"invitedEmail\":\"" + email + "\",\"role\":\"admin\"," + more + "}");
        assertThat(created.status()).isEqualTo(201);
        return created;
    }

    private Answer accept(String token) {
        return http.post("/v1/invitations:accept", "{\"token\":\"" + token + "\"}");
    }

    private String invitation(String id) {
        return "/v1/orgs/" + org + "/invitations/" + id;
    }

    private static String idOf(Answer created) {
        return created.body().get("id").asText();
    }

    private static String subjectOf(MimeMessage email) {
        try {
            return email.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
