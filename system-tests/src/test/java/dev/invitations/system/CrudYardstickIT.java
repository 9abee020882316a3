package dev.invitations.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import dev.invitations.embeddedmongo.EmbeddedMongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's yardstick answers a create as the service does: 201 once, 409 for the same email, 400 if invalid. */
class CrudYardstickIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void createsOnceRefusesTheSameEmailAgainAndRejectsInvalidBodies() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.inMemory();
             CrudYardstick yardstick = CrudYardstick.start(server.connectionString());
             MongoClient mongo = MongoClients.create(server.connectionString())) {
            HttpResponse<String> created = create(yardstick, "acme", " Ann@Example.com ", "member");
            assertThat(created.statusCode()).isEqualTo(201);
            JsonNode body = JSON.readTree(created.body());
            String id = body.path("id").asText();
            assertThat(id).isNotEmpty();
            assertThat(body.path("invitationToken").asText()).matches("[A-Za-z0-9_-]{43}");

            assertThat(create(yardstick, "acme", "ann@example.com", "member").statusCode()).isEqualTo(409);
            assertThat(create(yardstick, "other-org", "ann@example.com", "member").statusCode()).isEqualTo(201);
            assertThat(create(yardstick, "acme", "not an email", "member").statusCode()).isEqualTo(400);
            assertThat(create(yardstick, "acme", "bob@example.com", "Member!").statusCode()).isEqualTo(400);
            assertThat(create(yardstick, "acme.corp", "bob@example.com", "member").statusCode()).isEqualTo(400);

            Document stored = mongo.getDatabase(CrudYardstick.DATABASE).getCollection("invitations")
                    .find(Filters.eq("_id", id)).first();
            assertThat(stored).isNotNull();
            assertThat(stored.getString("orgId")).isEqualTo("acme");
            assertThat(stored.getString("invitedEmail")).isEqualTo("ann@example.com");
            assertThat(stored.getString("role")).isEqualTo("member");
            assertThat(stored.getString("state")).isEqualTo("PENDING");
            assertThat(stored.getString("token")).isEqualTo(body.path("invitationToken").asText());
            assertThat(stored.getDate("expiresTime")).isAfter(stored.getDate("createdTime"));
        }
    }

    private static HttpResponse<String> create(CrudYardstick yardstick, String orgId, String email, String role)
            throws Exception {
        String body = JSON.createObjectNode().put("invitedEmail", email).put("role", role).toString();
        return HTTP.send(HttpRequest.newBuilder(URI.create(yardstick.baseUrl() + "/v1/orgs/" + orgId + "/invitations"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
