package dev.invitations.query.page;

import dev.invitations.api.invitation.InvitationDeclined;
import dev.invitations.api.invitation.InvitationExpired;
import dev.invitations.query.RunningQuerySide;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.junit.jupiter.api.Test;

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
                "<time datetime=\"[0-9T:.-]+Z\">\\w+day \\d{1,2} \\w+ \\d{4}, \\d\\d:\\d\\d UTC</time>");
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
