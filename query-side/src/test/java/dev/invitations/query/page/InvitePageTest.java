package dev.invitations.query.page;

import dev.invitations.api.invitation.InvitationDeclined;
import dev.invitations.api.invitation.InvitationExpired;
import dev.invitations.query.RunningQuerySide;
import dev.invitations.query.invitation.InvitationLookup;
import dev.invitations.resource.InvitationState;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The invitee's page over HTTP: what it shows for each kind of token, and the headers that keep the token safe. */
class InvitePageTest extends RunningQuerySide {

    private static final String STRICT_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " connect-src http://localhost:8080; img-src 'self'; form-action 'none'; frame-ancestors 'none';"
            + " base-uri 'none'";

    @Autowired
    private ITemplateEngine templates;

    @Test
    void aPendingInvitationShowsWhoInvitedWhomToWhatUntilWhenWithBothButtonsButNeverTheToken() {
        String org = newOrg();
        String id = events.create(org, "Page.Reader@Example.com", "billing-admin", Map.of(), "admin-1",
                Instant.now());
        viewAt(org, id, 0);
        String token = events.tokenOf(id, 1);

        Answer page = browser().get("/invite?token=" + token);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text())
                .contains("<html lang=\"en\"", "Ada", "Page.Reader@Example.com", org, "billing-admin")
                .contains("data-action=\"accept\"", "data-action=\"decline\"", "aria-live=\"polite\"")
                .contains("data-command-url-base=\"http://localhost:8080\"")
                .doesNotContain(token);
        assertThat(page.text()).containsPattern(
                "<time datetime=\"[0-9T:.-]+Z\">\\w+day, \\w+ \\d{1,2}, \\d{4}, \\d{1,2}:\\d\\d [AP]M UTC</time>");
    }

    @Test
    void langWritesThePageAndTheScriptsTextsInThatLanguage() {
        String org = newOrg();
        String id = events.create(org, "lecteur@example.com", "billing-admin", Map.of(), "admin-1", Instant.now());
        viewAt(org, id, 0);

        Answer page = browser().get("/invite?token=" + events.tokenOf(id, 1) + "&lang=fr");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text())
                .contains("<html lang=\"fr\"", "<h1>Invitation à rejoindre " + org + "</h1>")
                .contains("Ada vous invite à rejoindre cette organisation.")
                .contains("<dt>Rôle</dt>", "<dd>billing-admin</dd>")
                .contains(">Accepter l’invitation</button>", ">Refuser</button>")
                .contains("data-text-accepted=\"Vous avez accepté l’invitation. Bienvenue\u00a0!\"")
                .contains("data-text-unreachable=\"Le service est injoignable.")
                .doesNotContain("Accept invitation", "??");
        assertThat(page.text()).containsPattern("<time datetime=\"[0-9T:.-]+Z\">\\p{L}+ \\d{1,2} \\p{L}+ \\d{4} "
                + "\\d\\d:\\d\\d UTC</time>");
        assertThat(page.header("Content-Language")).hasValue("fr");
    }

    @Test
    void langFallsBackAlongItsParentsAndAnUnknownOneIsEnglishOnEveryPage() {
        String org = newOrg();
        String expired = events.create(org, "abgelaufen@example.com", Instant.now().minus(8, ChronoUnit.DAYS));
        viewAt(org, expired, 0);

        Answer austrian = browser().get("/invite?token=" + events.tokenOf(expired, 1) + "&lang=de-AT");
        assertThat(austrian.status()).isEqualTo(410);
        assertThat(austrian.text()).contains("<html lang=\"de\"", "Diese Einladung ist abgelaufen")
                .containsPattern("Sie war gültig bis \\p{L}+, \\d{1,2}\\. \\p{L}+ \\d{4}, \\d\\d:\\d\\d UTC\\.");
        assertThat(browser().get("/invite?lang=es").text())
                .contains("<html lang=\"es\"", "Este enlace está incompleto");
        assertThat(browser().get("/invite?token=not-a-token&lang=pt-BR").text())
                .contains("<html lang=\"pt-BR\"", "Este link de convite não é válido");
        for (String unknown : List.of("zz", "x-klingon", "de-", "!!", "pt-PT")) {
            Answer page = browser().get("/invite?lang=" + unknown);
            assertThat(page.status()).as(unknown).isEqualTo(400);
            assertThat(page.text()).as(unknown).contains("<html lang=\"en\"", "This link is incomplete");
        }
    }

    @Test
    void withoutLangThePageIsWrittenInTheInvitationsLanguage() {
        var invitation = new InvitationLookup("acme-id", "Acme GmbH", "member", List.of("member", "billing-admin"),
                "Ada", "ada@example.com", InvitationState.PENDING, Instant.parse("2030-03-04T15:30:00Z"), "de-AT");
        InvitePage page = InvitePage.of(invitation, Instant.parse("2030-03-01T00:00:00Z"), null);

        String html = templates.process("invite", new Context(page.language().written(),
                Map.of("page", page, "commandBase", "http://localhost:8080")));

        assertThat(html).contains("<html lang=\"de\"", "<title>Sie sind eingeladen, Acme GmbH beizutreten</title>")
                .contains("<h1>Sie sind eingeladen, Acme GmbH beizutreten</h1>")
                .contains("Ada hat Sie eingeladen, dieser Organisation beizutreten.", "<dd>Acme GmbH</dd>")
                .contains("<dt>Rollen</dt>", "<dd>member, billing-admin</dd>")
                .contains(">Montag, 4. März 2030, 15:30 UTC</time>", ">Einladung annehmen</button>")
                .contains("data-text-declined=\"Sie haben die Einladung abgelehnt.")
                .doesNotContain("acme-id", "??");
    }

    @Test
    void theBrowsersLanguageDoesNotChooseThePage() {
        Answer page = browser().get("/invite", "Accept-Language", "de-DE,de;q=0.9");

        assertThat(page.text()).contains("<html lang=\"en\"", "This link is incomplete");
    }

    @Test
    void aHostileLangIsNeitherEchoedNorBreaksThePage() {
        String org = newOrg();
        String id = events.create(org, "hostile@example.com", Instant.now());
        viewAt(org, id, 0);
        String token = events.tokenOf(id, 1);

        for (String hostile : List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
                "de\" onmouseover=\"alert(1)", "x".repeat(200), "de-".repeat(70), "%00", "${7*7}", "#{page.accept}")) {
            Answer page = browser().get("/invite?token=" + token + "&lang="
                    + URLEncoder.encode(hostile, StandardCharsets.UTF_8));
            assertThat(page.status()).as(hostile).isEqualTo(200);
            assertThat(page.text()).as(hostile).contains("<html lang=\"en\"", "data-action=\"accept\"")
                    .doesNotContain(hostile, "alert(1)", "??");
        }
    }

    @Test
    void thePageAndItsFilesCarryTheStrictHeadersOnce() {
        String org = newOrg();
        String id = events.create(org, "headers@example.com", Instant.now());
        viewAt(org, id, 0);

        for (String path : List.of("/invite?token=" + events.tokenOf(id, 1), "/invite?token=unknown", "/invite.js",
                "/invite.css")) {
            var headers = browser().get(path).raw().headers();
            assertThat(headers.allValues("Content-Security-Policy")).as(path).containsExactly(STRICT_POLICY);
            assertThat(headers.allValues("Referrer-Policy")).as(path).containsExactly("no-referrer");
            assertThat(headers.allValues("Cache-Control")).as(path).containsExactly("no-store");
            assertThat(headers.allValues("X-Content-Type-Options")).as(path).containsExactly("nosniff");
            assertThat(headers.firstValue("RateLimit-Limit")).as(path + " counts against the address's limit")
                    .isPresent();
        }
    }

    @Test
    void anUnknownOrMissingTokenShowsAMessageAndNoButtons() {
        Answer unknown = browser().get("/invite?token=not-a-token");
        Answer missing = browser().get("/invite");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text()).contains("This invitation link is not valid").doesNotContain("data-action");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text()).contains("This link is incomplete").doesNotContain("data-action");
    }

    @Test
    void aTokenSupersededByAResendIsNotValidAnyMore() {
        String org = newOrg();
        String id = events.create(org, "resent@example.com", Instant.now());
        events.write(id, 1, events.resent(org, id, "resent@example.com", Instant.now()));
        viewAt(org, id, 1);

        Answer old = browser().get("/invite?token=" + events.tokenOf(id, 1));

        assertThat(old.status()).isEqualTo(404);
        assertThat(old.text()).contains("replaced by a newer invitation email").doesNotContain("data-action");
    }

    @Test
    void anInvitationThatCanNoLongerBeAnsweredSaysWhyWith410() {
        String org = newOrg();
        String expired = events.create(org, "expired@example.com", Instant.now());
        events.write(expired, 1, new InvitationExpired(expired, org, "expired@example.com", Instant.now()));
        String pastExpiry = events.create(org, "late@example.com", Instant.now().minus(8, ChronoUnit.DAYS));
        String revoked = events.create(org, "revoked@example.com", Instant.now());
        events.write(revoked, 1, events.revoked(org, revoked, "revoked@example.com"));
        String accepted = events.create(org, "accepted@example.com", Instant.now());
        events.write(accepted, 1, events.accepted(org, accepted, "accepted@example.com"));
        String declined = events.create(org, "declined@example.com", Instant.now());
        events.write(declined, 1, new InvitationDeclined(declined, org, "declined@example.com", Instant.now()));
        viewAt(org, expired, 1);
        viewAt(org, pastExpiry, 0);
        viewAt(org, revoked, 1);
        viewAt(org, accepted, 1);
        viewAt(org, declined, 1);

        assertGone(expired, "This invitation has expired");
        assertGone(pastExpiry, "This invitation has expired");
        assertGone(revoked, "This invitation was withdrawn");
        assertGone(accepted, "This invitation has already been accepted");
        assertGone(declined, "This invitation was declined");
    }

    @Test
    void theScriptAndTheStyleSheetAreServed() {
        Answer script = browser().get("/invite.js");
        Answer style = browser().get("/invite.css");

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        assertThat(script.text()).contains("/v1/invitations:", "location.search");
        assertThat(style.status()).isEqualTo(200);
        assertThat(style.contentType()).startsWith("text/css");
        assertThat(style.text()).contains(":focus-visible");
    }

    private HttpForTests browser() {
        return new HttpForTests(port, null);
    }

    private void assertGone(String id, String message) {
        Answer page = browser().get("/invite?token=" + events.tokenOf(id, 1));
        assertThat(page.status()).as(message).isEqualTo(410);
        assertThat(page.text()).contains(message).doesNotContain("data-action");
    }
}
