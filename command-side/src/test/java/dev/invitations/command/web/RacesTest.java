package dev.invitations.command.web;

import dev.invitations.command.RunningCommandSide;
import dev.invitations.command.storage.InvitationStreams;
import dev.invitations.resource.InvitationState;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Two commands on one invitation at the same moment: exactly one wins, and what is stored agrees with it. */
class RacesTest extends RunningCommandSide {

    @Autowired
    InvitationStreams invitations;

    private HttpForTests racer;
    private String id;
    private String token;

    @BeforeEach
    void createOne() {
        racer = new HttpForTests(port, JwtsForTests.bearer("racer", JwtsForTests.EVERYTHING, "*"));
        Answer created = racer.post("/v1/orgs/races/invitations",
                "{\"invitedEmail\":\"" + UUID.randomUUID() + "@example.com\",\"role\":\"member\"}");
        id = created.body().get("id").asText();
        token = created.body().get("invitationToken").asText();
    }

    @RepeatedTest(8)
    void acceptAndRevokeAtOnce() throws Exception {
        List<Answer> answers = atOnce(
                () -> racer.post("/v1/invitations:accept", "{\"token\":\"" + token + "\"}"),
                () -> racer.post("/v1/orgs/races/invitations/" + id + ":revoke", "{}"));

        Answer accept = answers.get(0);
        Answer revoke = answers.get(1);
        assertThat(List.of(accept.status(), revoke.status())).containsOnlyOnce(200);
        assertThat(List.of(accept.status(), revoke.status())).allMatch(s -> s == 200 || s == 409 || s == 410);
        InvitationState stored = invitations.find(id).orElseThrow().resource().getState();
        assertThat(stored).isEqualTo(accept.status() == 200 ? InvitationState.ACCEPTED : InvitationState.REVOKED);
    }

    @RepeatedTest(8)
    void resendAndAcceptAtOnce() throws Exception {
        List<Answer> answers = atOnce(
                () -> racer.post("/v1/orgs/races/invitations/" + id + ":resend", "{}"),
                () -> racer.post("/v1/invitations:accept", "{\"token\":\"" + token + "\"}"));

        Answer resend = answers.get(0);
        Answer accept = answers.get(1);
        var stored = invitations.find(id).orElseThrow().resource();
        if (accept.status() == 200) {
            assertThat(stored.getState()).isEqualTo(InvitationState.ACCEPTED);
            // a resend stored before the accept would have made the token stale
            assertThat(stored.getSendCount()).isEqualTo(1);
            assertThat(resend.status()).isEqualTo(409);
        } else {
            assertThat(resend.status()).isEqualTo(200);
            assertThat(accept.status()).isIn(409, 410);
            assertThat(stored.getState()).isEqualTo(InvitationState.PENDING);
            assertThat(stored.getSendCount()).isEqualTo(2);
        }
    }

    private static List<Answer> atOnce(Supplier<Answer> first, Supplier<Answer> second) throws Exception {
        var start = new CountDownLatch(1);
        var one = CompletableFuture.supplyAsync(() -> awaitThen(start, first));
        var two = CompletableFuture.supplyAsync(() -> awaitThen(start, second));
        start.countDown();
        return List.of(one.get(), two.get());
    }

    private static Answer awaitThen(CountDownLatch start, Supplier<Answer> call) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return call.get();
    }
}
