package dev.invitations.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invitations.command.RunningCommandSide;
import dev.invitations.testing.HttpForTests.Answer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Batch create and {@code Idempotency-Key}, over HTTP against the running command side. */
class InvitationCreationApiTest extends RunningCommandSide {

    @Test
    void aBatchCreatesEachValidRequestAndAnswersEveryOneInOrder() {
        Answer batch = http.post(invitations() + ":batchCreate", """
                {"requests": [
                  {"invitedEmail": "one@example.com", "role": "member"},
                  {"invitedEmail": "two@example.com", "role": "Not A Role"},
                  {"invitedEmail": "ONE@example.com", "role": "admin"},
                  {"email": "three@example.com", "role": "admin", "labels": {"team": "ops"}}
                ]}""");

        assertThat(batch.status()).isEqualTo(200);
        JsonNode results = batch.body().get("results");
        assertThat(results).hasSize(4);
        assertThat(results.get(0).get("invitation").get("invitedEmail").asText()).isEqualTo("one@example.com");
        assertThat(results.get(0).get("invitation").get("invitationToken").asText()).isNotBlank();
        assertThat(results.get(1).get("error").get("status").asInt()).isEqualTo(400);
        assertThat(results.get(1).get("error").get("errors").get(0).get("field").asText()).isEqualTo("role");
        assertThat(results.get(2).get("error").get("status").asInt()).isEqualTo(409);
        assertThat(results.get(3).get("invitation").get("labels").get("team").asText()).isEqualTo("ops");
    }

    @Test
    void aBatchHoldsOneToAHundredRequests() {
        String item = "{\"invitedEmail\":\"x@example.com\",\"role\":\"r\"}";
        String tooMany = "{\"requests\":[" + String.join(",", Collections.nCopies(101, item)) + "]}";

        for (String body : List.of(tooMany, "{\"requests\":[]}", "{}")) {
            Answer answer = http.post(invitations() + ":batchCreate", body);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("requests");
        }
    }

    @Test
    void aRepeatedKeyWithTheSameRequestAnswersAsTheFirstAndCreatesNothingNew() {
        String body = "{\"invitedEmail\":\"ada@example.com\",\"role\":\"member\",\"labels\":{\"a\":\"1\",\"b\":\"2\"}}";
        String sameInOtherWords = "{\"labels\":{\"b\":\"2\",\"a\":\"1\"},\"role\":\"member\",\"email\":\"ada@example.com\"}";

        Answer first = http.post(invitations(), body, "Idempotency-Key", "key-1");
        Answer repeat = http.post(invitations(), sameInOtherWords, "Idempotency-Key", "key-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.body().get("id")).isEqualTo(first.body().get("id"));
        assertThat(repeat.body().get("invitationToken")).isEqualTo(first.body().get("invitationToken"));
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
    }

    @Test
    void aRepeatedKeyWithAnotherRequestIsUnprocessable() {
        http.post(invitations(), "{\"invitedEmail\":\"ada@example.com\",\"role\":\"member\"}", "Idempotency-Key", "k");

        Answer other = http.post(invitations(), "{\"invitedEmail\":\"bob@example.com\",\"role\":\"member\"}",
                "Idempotency-Key", "k");

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aRequestThatFailedMayBeRetriedWithItsKey() {
        String id = http.post(invitations(), "{\"invitedEmail\":\"ada@example.com\",\"role\":\"member\"}")
                .body().get("id").asText();
        String body = "{\"invitedEmail\":\"ada@example.com\",\"role\":\"admin\"}";
        assertThat(http.post(invitations(), body, "Idempotency-Key", "retry").status()).isEqualTo(409);

        http.delete(invitations() + "/" + id);

        assertThat(http.post(invitations(), body, "Idempotency-Key", "retry").status()).isEqualTo(201);
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneInvitation() throws Exception {
        int clients = 6;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.post(invitations(), "{\"invitedEmail\":\"race@example.com\",\"role\":\"member\"}",
                            "Idempotency-Key", "same-key");
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<Answer> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(201);
                ids.add(answer.get().body().get("id").asText());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnusableKeyIsABadRequest() {
        Answer answer = http.post(invitations(), "{\"invitedEmail\":\"ada@example.com\",\"role\":\"member\"}",
                "Idempotency-Key", "x".repeat(300));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
    }

    private String invitations() {
        return "/v1/orgs/" + org + "/invitations";
    }
}
