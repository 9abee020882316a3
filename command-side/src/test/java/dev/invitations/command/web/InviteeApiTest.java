package dev.invitations.command.web;

import dev.invitations.command.RunningCommandSide;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The invitee signed in accepts and declines by id, their verified email the credential, over HTTP. */
class InviteeApiTest extends RunningCommandSide {

    private String invite(String email) {
        Answer created = http.post("/v1/orgs/" + org + "/invitations",
                "{\"invitedEmail\":\"" + email + "\",\"roles\":[\"member\",\"admin\"]}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    @Test
    void acceptsAnInvitationToTheVerifiedEmailWhateverItsCase() {
        String id = invite("Ada@Example.com");
        var ada = new HttpForTests(port, JwtsForTests.invitee("user-ada", "ada@EXAMPLE.com", true));

        Answer accepted = ada.post("/v1/me/invitations/" + id + ":accept");

        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(accepted.body().get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.body().get("acceptedBy").asText()).isEqualTo("user-ada");
        assertThat(accepted.body().get("roles").toString()).isEqualTo("[\"member\",\"admin\"]");
        assertThat(ada.post("/v1/me/invitations/" + id + ":accept").status()).as("again").isEqualTo(409);
    }

    @Test
    void declines() {
        String id = invite("bob@example.com");

        Answer declined = new HttpForTests(port, JwtsForTests.invitee("user-bob", "bob@example.com", true))
                .post("/v1/me/invitations/" + id + ":decline");

        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        assertThat(declined.body().get("state").asText()).isEqualTo("DECLINED");
    }

    @Test
    void someoneElsesInvitationIsNotFoundAndAnUnverifiedEmailIsForbidden() {
        String id = invite("carol@example.com");
        var eve = new HttpForTests(port, JwtsForTests.invitee("user-eve", "eve@example.com", true));

        assertThat(eve.post("/v1/me/invitations/" + id + ":accept").status()).isEqualTo(404);
        assertThat(eve.post("/v1/me/invitations/" + id + ":decline").status()).isEqualTo(404);
        assertThat(eve.post("/v1/me/invitations/" + UUID.randomUUID() + ":accept").status()).isEqualTo(404);
        assertThat(eve.post("/v1/me/invitations/not-an-id:accept").status()).isEqualTo(404);
        Answer unverified = new HttpForTests(port, JwtsForTests.invitee("user-carol", "carol@example.com", false))
                .post("/v1/me/invitations/" + id + ":accept");
        assertThat(unverified.status()).isEqualTo(403);
        assertThat(unverified.contentType()).startsWith("application/problem+json");
        assertThat(new HttpForTests(port, null).post("/v1/me/invitations/" + id + ":accept").status())
                .isEqualTo(401);
        assertThat(http.post("/v1/me/invitations/" + id + ":accept").status()).as("an admin's token has no email")
                .isEqualTo(403);
        assertThat(events.of(id, "InvitationAccepted")).as("nothing accepted").isEmpty();
    }
}
