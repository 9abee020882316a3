package dev.invitations.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitations.command.RunningCommandSide;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The (v2) fields of an invitation on the command side: roles, locale and metadata, over HTTP. */
class RolesLocaleAndMetadataApiTest extends RunningCommandSide {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String invitations() {
        return "/v1/orgs/" + org + "/invitations";
    }

    @Test
    void rolesAreKeptInOrderAndTheFirstIsTheRole() {
        Answer created = http.post(invitations(),
                "{\"invitedEmail\":\"ada@example.com\",\"roles\":[\"billing-admin\",\"member\"]}");

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().get("roles").toString()).isEqualTo("[\"billing-admin\",\"member\"]");
        assertThat(created.body().get("role").asText()).isEqualTo("billing-admin");
        assertThat(created.body().get("locale").asText()).as("the default locale").isEqualTo("en");
        assertThat(created.body().get("metadata").isNull()).isTrue();
    }

    @Test
    void roleAndRolesTogetherMustAgreeOnTheFirst() {
        Answer agreeing = http.post(invitations(),
                "{\"invitedEmail\":\"ada@example.com\",\"role\":\"admin\",\"roles\":[\"admin\",\"member\"]}");
        assertThat(agreeing.status()).as(agreeing.text()).isEqualTo(201);

        Answer conflicting = http.post(invitations(),
                "{\"invitedEmail\":\"bob@example.com\",\"role\":\"member\",\"roles\":[\"admin\",\"member\"]}");
        assertThat(conflicting.status()).isEqualTo(400);
        assertThat(conflicting.contentType()).startsWith("application/problem+json");
        assertThat(fields(conflicting)).contains("role");
    }

    @Test
    void refusesNoRolesTooManyRepeatedAndMalformedOnesField() {
        String eleven = IntStream.rangeClosed(1, 11).mapToObj(n -> "\"r" + n + "\"").collect(Collectors.joining(","));
        assertThat(fields(http.post(invitations(), "{\"invitedEmail\":\"a@example.com\"}"))).contains("roles");
        assertThat(fields(http.post(invitations(), "{\"invitedEmail\":\"a@example.com\",\"roles\":[]}")))
                .contains("roles");
        assertThat(fields(http.post(invitations(), "{\"invitedEmail\":\"a@example.com\",\"roles\":[" + eleven + "]}")))
                .contains("roles");
        assertThat(fields(http.post(invitations(),
                "{\"invitedEmail\":\"a@example.com\",\"roles\":[\"member\",\"member\"]}"))).contains("roles");
        assertThat(fields(http.post(invitations(),
                "{\"invitedEmail\":\"a@example.com\",\"roles\":[\"member\",\"Not A Role\"]}"))).contains("roles[1]");
        assertThat(events.countOfOrg(org)).as("nothing stored").isZero();
    }

    @Test
    void anUpdateChangesTheRolesByEitherName() {
        String id = http.post(invitations(), "{\"invitedEmail\":\"ada@example.com\",\"role\":\"member\"}").body()
                .get("id").asText();

        Answer updated = http.patch(invitations() + "/" + id, "{\"roles\":[\"admin\",\"billing\"]}");
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.body().get("roles").toString()).isEqualTo("[\"admin\",\"billing\"]");

        Answer byRole = http.patch(invitations() + "/" + id, "{\"role\":\"viewer\"}");
        assertThat(byRole.body().get("roles").toString()).isEqualTo("[\"viewer\"]");
        assertThat(http.patch(invitations() + "/" + id, "{\"roles\":[\"a\",\"a\"]}").status()).isEqualTo(400);
    }

    @Test
    void theLocaleIsKeptAsGivenAndAResendMayChangeIt() {
        Answer created = http.post(invitations(),
                "{\"invitedEmail\":\"ada@example.com\",\"role\":\"member\",\"locale\":\"pt-BR\"}");
        assertThat(created.body().get("locale").asText()).isEqualTo("pt-BR");

        String id = created.body().get("id").asText();
        Answer resent = http.post(invitations() + "/" + id + ":resend", "{\"locale\":\"de-AT\"}");
        assertThat(resent.status()).as(resent.text()).isEqualTo(200);
        assertThat(resent.body().get("locale").asText()).isEqualTo("de-AT");
        Answer keeping = http.post(invitations() + "/" + id + ":resend", "{}");
        assertThat(keeping.body().get("locale").asText()).as("a resend without locale keeps it").isEqualTo("de-AT");

        for (String bad : new String[]{"\"de_DE\"", "\"<script>\"", "\"" + "x".repeat(40) + "\"", "42", "\"\""}) {
            Answer refused = http.post(invitations(),
                    "{\"invitedEmail\":\"bob@example.com\",\"role\":\"member\",\"locale\":" + bad + "}");
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(fields(refused)).as(bad).contains("locale");
        }
    }

    @Test
    void metadataIsKeptAsGivenAndHandedBackOnAccept() throws Exception {
        String metadata = "{\"plan\":\"pro\",\"seats\":3,\"nested\":{\"a.b\":[1,true,null],\"$x\":\"y\"}}";
        Answer created = http.post(invitations(),
                "{\"invitedEmail\":\"ada@example.com\",\"role\":\"member\",\"metadata\":" + metadata + "}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().get("metadata")).isEqualTo(JSON.readTree(metadata));

        Answer accepted = new HttpForTests(port, null).post("/v1/invitations:accept",
                "{\"token\":\"" + created.body().get("invitationToken").asText() + "\"}");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(accepted.body().get("metadata")).isEqualTo(JSON.readTree(metadata));
        assertThat(accepted.body().get("roles").toString()).isEqualTo("[\"member\"]");
    }

    @Test
    void metadataOverFourKilobytesIsTooLargeAndAnythingButAnObjectIsRefused() {
        String large = "{\"blob\":\"" + "x".repeat(4100) + "\"}";
        Answer tooLarge = http.post(invitations(),
                "{\"invitedEmail\":\"ada@example.com\",\"role\":\"member\",\"metadata\":" + large + "}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(tooLarge.body().get("type").asText()).isEqualTo("urn:invitations:problem:metadata-too-large");

        Answer inBatch = http.post(invitations() + ":batchCreate", "{\"requests\":[{\"invitedEmail\":\"b@example.com\","
                + "\"role\":\"member\",\"metadata\":" + large + "}]}");
        assertThat(inBatch.body().get("results").get(0).get("error").get("status").asInt()).isEqualTo(413);

        for (String notAnObject : new String[]{"[1,2]", "\"text\"", "42"}) {
            Answer refused = http.post(invitations(),
                    "{\"invitedEmail\":\"c@example.com\",\"role\":\"member\",\"metadata\":" + notAnObject + "}");
            assertThat(refused.status()).as(notAnObject).isEqualTo(400);
        }
        assertThat(events.countOfOrg(org)).as("nothing stored").isZero();
    }

    @Test
    void aRedirectUrlMustBeAnAbsoluteWebUrl() {
        for (String bad : new String[]{"javascript:alert(1)", "/relative", "https://user:pw@app.example.com/",
                "ftp://app.example.com/", "https://app.example.com/#frag", "not a url"}) {
            Answer refused = http.post(invitations(), JSON.createObjectNode().put("invitedEmail", "a@example.com")
                    .put("role", "member").put("redirectUrl", bad).toString());
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(fields(refused)).as(bad).contains("redirectUrl");
        }
    }

    private static java.util.List<String> fields(Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        return answer.body().get("errors").findValuesAsText("field");
    }
}
