package dev.invitations.system;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dev.invitations.security.JwtsForTests;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An invitation's expiry is a deadline in MongoDB, not in the memory of a process: a command side killed before the
 * deadline and started again after it still expires the invitation.
 */
class ExpiryAcrossRestartIT {

    @Test
    void anInvitationExpiresAlthoughTheCommandSideWasDownAtItsExpiry() throws Exception {
        try (var system = new LocalSystem().allowTtlsFrom("PT1S")) {
            system.startMongo();
            int port = JavaProcess.freePort();
            var commandSide = system.startCommandSide(port);
            String id = create(port, "PT4S");
            awaitCount(system, "deadlines", Filters.eq("name", "invitation-expiry"), 1);

            commandSide.killDashNine();
            Thread.sleep(5_000); // past the expiry, with no command side running
            assertThat(count(system, "domainevents", expiredEventOf(id))).isZero();
            system.startCommandSide(port);

            awaitCount(system, "domainevents", expiredEventOf(id), 1);
        }
    }

    private static String create(int port, String ttl) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v1/orgs/acme/invitations"))
                .header("Authorization", JwtsForTests.bearer("admin-1", JwtsForTests.EVERYTHING, "*"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"invitedEmail\":\"ada@example.com\",\"role\":\"member\","
                        + "\"ttl\":\"" + ttl + "\",\"disableInvitationEmail\":true}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.body().replaceFirst(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    private static Bson expiredEventOf(String id) {
        return Filters.and(Filters.eq("aggregateIdentifier", id),
                Filters.eq("payloadType", "dev.invitations.api.invitation.InvitationExpired"));
    }

    private static void awaitCount(LocalSystem system, String collection, Bson filter, long expected) {
        await(collection + " matching " + filter).atMost(Duration.ofSeconds(20))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> count(system, collection, filter) >= expected);
        assertThat(count(system, collection, filter)).as(collection + " matching " + filter).isEqualTo(expected);
    }

    private static long count(LocalSystem system, String collection, Bson filter) {
        try (var client = MongoClients.create(system.mongoUri)) {
            return client.getDatabase("invitations").getCollection(collection).countDocuments(filter);
        }
    }
}
