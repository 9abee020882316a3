package dev.invitations.command.email;

import dev.invitations.api.token.InvitationTokens;
import dev.invitations.command.MailServerForTests;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.invitations.command.email.EmailsForTests.part;
import static org.assertj.core.api.Assertions.assertThat;

/** The invitation email in the invitation's language, as the invitee gets it from a real SMTP server (GreenMail). */
class LocalizedInvitationEmailTest {

    private static final Instant MONDAY_AFTERNOON = Instant.parse("2030-03-04T15:30:00Z");

    private final InvitationTokens tokens =
            new InvitationTokens("a-test-secret-that-is-long-enough-for-hmac".getBytes(StandardCharsets.UTF_8));
    private final InvitationMailer mailer = new InvitationMailer(greenMail(), tokens,
            URI.create("http://localhost:8081/invite"), "Invitations <invitations@example.com>");

    @Test
    void aGermanInvitationIsWrittenInGermanThroughout() {
        MimeMessage email = send("Ada Lovelace", "Acme GmbH", List.of("member", "billing-admin"), "de");
        String text = part(email, "text/plain");
        String html = part(email, "text/html");

        assertThat(subjectOf(email))
                .isEqualTo("Ada Lovelace hat Sie eingeladen, Acme GmbH als member und billing-admin beizutreten");
        assertThat(text).startsWith("Guten Tag,")
                .contains("Ada Lovelace hat Sie eingeladen, Acme GmbH als member und billing-admin beizutreten.")
                .contains("Hier können Sie die Einladung annehmen oder ablehnen:")
                .contains(" bestimmt und gilt bis Montag, 4. März 2030, 15:30 UTC.")
                .contains("Falls Sie diese Einladung nicht erwartet haben")
                .doesNotContain("acme-id", "??");
        assertThat(html).contains("<html lang=\"de\"", "<title>Einladung zu Acme GmbH</title>", "Einladung ansehen",
                "Falls die Schaltfläche nicht funktioniert").doesNotContain("acme-id", "??");
        assertThat(header(email, "Content-Language")).isEqualTo("de");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            fr    | Ada vous invite à rejoindre Acme en tant que member et viewer
            es    | Ada le ha invitado a unirse a Acme como member y viewer
            pt-BR | Ada convidou você para participar de Acme como member e viewer
            de-AT | Ada hat Sie eingeladen, Acme als member und viewer beizutreten
            en    | Ada invited you to join Acme as member and viewer
            """)
    void theSubjectIsInTheInvitationsLanguageOrTheNearestOneWritten(String locale, String subject) {
        assertThat(subjectOf(send("Ada", "Acme", List.of("member", "viewer"), locale))).isEqualTo(subject);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"x-klingon", "zz", "de-", "!!", "pt-PT", "<script>alert(1)</script>",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                    + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void anUnknownMissingOrMalformedLocaleIsWrittenInEnglish(String locale) {
        MimeMessage email = send("Ada", null, List.of("member"), locale);

        assertThat(subjectOf(email)).isEqualTo("Ada invited you to join acme-id as member");
        assertThat(part(email, "text/plain")).startsWith("Hello,")
                .contains("and expires on Monday, March 4, 2030, ").contains(" UTC.");
        assertThat(part(email, "text/html")).contains("<html lang=\"en\"");
    }

    @Test
    void datesAreWrittenTheLocalesWayWithTheZoneNamed() {
        assertThat(part(send("Ada", "Acme", List.of("member"), "fr"), "text/plain"))
                .contains("expire le lundi 4 mars 2030 15:30 UTC.");
        assertThat(part(send("Ada", "Acme", List.of("member"), "es"), "text/plain"))
                .contains("vence el lunes, 4 de marzo de 2030 15:30 UTC.");
        assertThat(part(send("Ada", "Acme", List.of("member"), "pt-BR"), "text/plain"))
                .contains("vale até segunda-feira, 4 de março de 2030 15:30 UTC.");
        assertThat(part(send("Ada", "Acme", List.of("member"), "en-GB"), "text/plain"))
                .as("English text, British dates").contains("expires on Monday, 4 March 2030, 15:30 UTC.");
    }

    @Test
    void severalRolesAreJoinedAsTheLanguageListsThemAndAnUnnamedInviterIsLeftOut() {
        assertThat(part(send(null, "Acme", List.of("member", "billing-admin", "viewer"), "en"), "text/plain"))
                .contains("You have been invited to join Acme as member, billing-admin, and viewer.");
        assertThat(part(send(null, "Acme", List.of("member", "billing-admin", "viewer"), "de"), "text/plain"))
                .contains("Sie wurden eingeladen, Acme als member, billing-admin und viewer beizutreten.");
        assertThat(subjectOf(send(null, "Acme", List.of("member", "billing-admin", "viewer"), "fr")))
                .isEqualTo("Invitation à rejoindre Acme en tant que member, billing-admin et viewer");
    }

    @Test
    void whatTheInvitationSaysIsEscapedInHtml() {
        String html = part(send("<b>Eve</b>", "Acme & <Co>", List.of("member"), "fr"), "text/html");

        assertThat(html).contains("&lt;b&gt;Eve&lt;/b&gt; vous invite à rejoindre Acme &amp; &lt;Co&gt;")
                .doesNotContain("<b>Eve</b>", "<Co>");
    }

    /** Sends an invitation email to an address of its own and returns it as received. */
    private MimeMessage send(String inviter, String orgDisplayName, List<String> roles, String locale) {
        String address = UUID.randomUUID() + "@example.com";
        String id = UUID.randomUUID().toString();
        mailer.send(new InvitationEmail(id, "acme-id", orgDisplayName, address, roles, inviter, locale,
                MONDAY_AFTERNOON, 1, tokens.hashOf(id, 1)));
        return EmailsForTests.await(address, 1).get(0);
    }

    private static JavaMailSenderImpl greenMail() {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(MailServerForTests.port());
        return sender;
    }

    private static String subjectOf(MimeMessage email) {
        try {
            return email.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage email, String name) {
        try {
            return email.getHeader(name, ",");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
