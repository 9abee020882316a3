package dev.invitations.command.email;

import dev.invitations.command.RunningCommandSideWithShortTimes;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** With the SMTP server down, the email is retried with backoff and finally FAILED; the invitation still works. */
class UnreachableMailServerTest extends RunningCommandSideWithShortTimes {


    @Test
    void theEmailIsRetriedUntilTheAttemptsRunOutThenFailedWithTheError() {
        Answer created = create("ada@" + org + ".example.com");
        String id = created.body().get("id").asText();

        List<Document> failures = events.await(id, "InvitationEmailFailed", 3, Duration.ofSeconds(15));
        assertThat(failures).extracting(failure -> failure.get("serializedPayload").toString())
                .satisfiesExactly(
                        // the error may quote the address: it is stored encrypted, like the email
                        first -> assertThat(first).contains("\"attempts\":1", "\"retrying\":true")
                                .doesNotContain("Connection refused"),
                        second -> assertThat(second).contains("\"attempts\":2", "\"retrying\":true"),
                        last -> assertThat(last).contains("\"attempts\":3", "\"retrying\":false"));

        // the invitation stays usable: the link the creator got still accepts it, and shows why no email came
        Answer accepted = http.post("/v1/invitations:accept",
                "{\"token\":\"" + created.body().get("invitationToken").asText() + "\"}");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().at("/delivery/status").asText()).isEqualTo("FAILED");
        assertThat(accepted.body().at("/delivery/attempts").asInt()).isEqualTo(3);
        assertThat(accepted.body().at("/delivery/lastError").asText()).contains("Connection refused");
    }

    @Test
    void aFailedInvitationCanBeResentAndIsQueuedAgain() {
        Answer created = create("grace@" + org + ".example.com");
        String id = created.body().get("id").asText();
        events.await(id, "InvitationEmailFailed", 3, Duration.ofSeconds(15));

        Answer resent = http.post("/v1/orgs/" + org + "/invitations/" + id + ":resend", "{}");

        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.body().at("/delivery/status").asText()).isEqualTo("QUEUED");
        assertThat(resent.body().get("sendCount").asInt()).isEqualTo(2);
        // the new send's email is tried again from its first attempt
        assertThat(events.await(id, "InvitationEmailFailed", 4, Duration.ofSeconds(15)).get(3)
                .get("serializedPayload").toString()).contains("\"sendCount\":2", "\"attempts\":1");
    }

    @Test
    void theCommandSideStaysHealthyAndReady() {
        // emails wait for the SMTP server; requests do not, so neither liveness nor readiness depends on it
        assertThat(http.send("GET", "/actuator/health", null,
                "Authorization", JwtsForTests.bearer("operator", "invitations.admin")).body().get("status").asText())
                .isEqualTo("UP");
        assertThat(http.send("GET", "/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    private Answer create(String email) {
        Answer created = http.post("/v1/orgs/" + org + "/invitations",
                "{\"invitedEmail\":\"" + email + "\",\"role\":\"member\"}");
        assertThat(created.status()).isEqualTo(201);
        return created;
    }
}
