package dev.invitations.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invitations.command.RunningCommandSide;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The org's settings as the invitation calls obey them, over HTTP: email domains on create, batch item, resend and
 * accept; allowed and default roles; the org's TTLs; redirect URLs; sends per day; language and display name.
 */
class OrgPolicyApiTest extends RunningCommandSide {

    private static final String POLICY = """
            {"displayName": "Acme Corp",
             "allowedEmailDomains": ["acme.com", "*.acme.co.uk"],
             "allowedRoles": ["member", "admin"],
             "defaultRoles": ["member"],
             "defaultTtl": "P2D", "maximumTtl": "P3D",
             "locale": "de",
             "redirectUrls": ["https://app.acme.com/welcome"],
             "maxSendsPerInvitationPerDay": 3}""";

    private HttpForTests invitee;

    @BeforeEach
    void setTheOrgsPolicy() {
        assertThat(http.put("/v1/orgs/" + org + "/settings", POLICY).status()).isEqualTo(200);
        invitee = new HttpForTests(port, null);
    }

    private String invitations() {
        return "/v1/orgs/" + org + "/invitations";
    }

    @Test
    void aCreateOutsideTheAllowedDomainsIsUnprocessableAndSubdomainsNeedTheStar() {
        assertProblem(http.post(invitations(), "{\"invitedEmail\":\"eve@elsewhere.com\"}"), 422,
                "email-domain-not-allowed");
        assertProblem(http.post(invitations(), "{\"invitedEmail\":\"eve@acme.co.uk\"}"), 422,
                "email-domain-not-allowed");
        assertThat(http.post(invitations(), "{\"invitedEmail\":\"ada@ACME.com\"}").status()).isEqualTo(201);
        assertThat(http.post(invitations(), "{\"invitedEmail\":\"bob@london.acme.co.uk\"}").status()).isEqualTo(201);

        Answer batch = http.post(invitations() + ":batchCreate", """
                {"requests": [{"invitedEmail": "eve@elsewhere.com"}, {"invitedEmail": "cy@acme.com"}]}""");
        assertThat(batch.body().get("results").get(0).get("error").get("type").asText())
                .isEqualTo("urn:invitations:problem:email-domain-not-allowed");
        assertThat(batch.body().get("results").get(1).has("invitation")).isTrue();
    }

    @Test
    void theDefaultRolesLanguageDisplayNameAndTtlApplyWhenACreateNamesNone() {
        Answer created = http.post(invitations(), "{\"invitedEmail\":\"ada@acme.com\"}");

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode body = created.body();
        assertThat(body.get("roles").toString()).isEqualTo("[\"member\"]");
        assertThat(body.get("locale").asText()).isEqualTo("de");
        assertThat(body.get("orgDisplayName").asText()).isEqualTo("Acme Corp");
        assertThat(Duration.between(Instant.parse(body.get("createTime").asText()),
                Instant.parse(body.get("expirationTime").asText()))).as("the org's default ttl")
                .isBetween(Duration.ofDays(2).minusMinutes(1), Duration.ofDays(2));

        assertProblem(http.post(invitations(), "{\"invitedEmail\":\"bob@acme.com\",\"roles\":[\"member\",\"owner\"]}"),
                422, "role-not-allowed");
        Answer tooLong = http.post(invitations(), "{\"invitedEmail\":\"cy@acme.com\",\"ttl\":\"P5D\"}");
        assertThat(tooLong.status()).as("a ttl over the org's maximum").isEqualTo(400);
    }

    @Test
    void aRedirectMustLieBelowAListedUrl() {
        Answer allowed = http.post(invitations(),
                "{\"invitedEmail\":\"ada@acme.com\",\"redirectUrl\":\"https://app.acme.com/welcome/team?plan=pro\"}");
        assertThat(allowed.status()).as(allowed.text()).isEqualTo(201);
        assertThat(allowed.body().get("redirectUrl").asText()).isEqualTo("https://app.acme.com/welcome/team?plan=pro");

        Answer accepted = invitee.post("/v1/invitations:accept",
                "{\"token\":\"" + allowed.body().get("invitationToken").asText() + "\"}");
        assertThat(accepted.body().get("redirectUrl").asText()).as("the accept answer carries it")
                .isEqualTo("https://app.acme.com/welcome/team?plan=pro");

        assertProblem(http.post(invitations(),
                        "{\"invitedEmail\":\"bob@acme.com\",\"redirectUrl\":\"https://app.acme.com/welcome-x\"}"),
                422, "redirect-not-allowed");
        // an org without redirect URLs admits none
        assertProblem(http.post("/v1/orgs/" + org + "-other/invitations",
                        "{\"invitedEmail\":\"bob@acme.com\",\"role\":\"member\","
                                + "\"redirectUrl\":\"https://app.acme.com/welcome\"}"),
                422, "redirect-not-allowed");
    }

    @Test
    void theSendAfterTheOrgsLimitWaitsWithRetryAfter() {
        Answer created = http.post(invitations(), "{\"invitedEmail\":\"ada@acme.com\"}");
        String id = created.body().get("id").asText();

        assertThat(http.post(invitations() + "/" + id + ":resend", "{}").status()).isEqualTo(200);
        assertThat(http.post(invitations() + "/" + id + ":resend", "{}").status()).isEqualTo(200);
        Answer fourth = http.post(invitations() + "/" + id + ":resend", "{}");

        assertProblem(fourth, 429, "send-limit-reached");
        long retryAfter = Long.parseLong(fourth.header("Retry-After").orElseThrow());
        assertThat(retryAfter).as("about a day after the first send").isBetween(86_000L, 86_401L);
    }

    @Test
    void aResendAndAnAcceptObeyTheDomainsAsTheyAreNow() {
        Answer created = http.post(invitations(), "{\"invitedEmail\":\"ada@acme.com\"}");
        String token = created.body().get("invitationToken").asText();
        String id = created.body().get("id").asText();

        Answer outsider = invitee.post("/v1/invitations:accept",
                "{\"token\":\"" + token + "\",\"email\":\"ada@elsewhere.com\"}");
        assertProblem(outsider, 403, "email-domain-not-allowed");

        assertThat(http.put("/v1/orgs/" + org + "/settings", POLICY.replace("\"acme.com\", ", "")).status())
                .isEqualTo(200);
        assertProblem(http.post(invitations() + "/" + id + ":resend", "{}"), 422, "email-domain-not-allowed");
        Answer accepted = invitee.post("/v1/invitations:accept", "{\"token\":\"" + token + "\"}");
        assertThat(accepted.status()).as("an invitation made before the change still accepts")
                .isEqualTo(200);
    }

    private static void assertProblem(Answer answer, int status, String kind) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asText()).isEqualTo("urn:invitations:problem:" + kind);
    }
}
