package dev.invitations.command.web;

import dev.invitations.command.RunningCommandSide;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The invitee's page may call accept and decline from its origin, and nothing else may call anything cross-origin. */
class InviteePageCorsTest extends RunningCommandSide {

    /** The origin of the default {@code invitations.accept-url-base}, http://localhost:8081/invite. */
    private static final String PAGE = "http://localhost:8081";

    @Test
    void thePageMayPostToAcceptAndDeclineFromItsOrigin() {
        for (String path : InviteePageCors.TOKEN_CALLS) {
            Answer preflight = preflight(path, PAGE);

            assertThat(preflight.status()).as(path).isEqualTo(200);
            assertThat(preflight.header("Access-Control-Allow-Origin")).as(path).hasValue(PAGE);
            assertThat(preflight.header("Access-Control-Allow-Methods")).as(path).hasValue("POST");
            assertThat(preflight.header("Access-Control-Allow-Headers").orElse("")).as(path)
                    .containsIgnoringCase("content-type");
            assertThat(preflight.header("Access-Control-Allow-Credentials")).as(path).isEmpty();
        }
        Answer answer = http().post("/v1/invitations:accept", "{\"token\":\"no-such-token\"}", "Origin", PAGE);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Access-Control-Allow-Origin")).as("the page may read the problem").hasValue(PAGE);
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() {
        String other = "http://evil.example";

        assertThat(preflight("/v1/invitations:accept", other).header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight("/v1/invitations:decline", "http://localhost:8080").header("Access-Control-Allow-Origin"))
                .isEmpty();
        assertThat(http().post("/v1/invitations:decline", "{\"token\":\"no-such-token\"}", "Origin", other)
                .header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void otherCallsGetNoCorsHeadersEvenFromThePage() {
        for (String path : new String[] {"/v1/orgs/acme/invitations", "/v1/orgs/acme/invitations/x:revoke",
                "/v1/invitations:other"}) {
            Answer preflight = preflight(path, PAGE);
            assertThat(preflight.header("Access-Control-Allow-Origin")).as(path).isEmpty();
            assertThat(preflight.header("Access-Control-Allow-Methods")).as(path).isEmpty();
        }
        var wrongMethod = http().send("OPTIONS", "/v1/invitations:accept", null, "Origin", PAGE,
                "Access-Control-Request-Method", "DELETE");
        assertThat(wrongMethod.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void theOriginIsSchemeHostAndPortOfThePageAddress() {
        assertThat(InviteePageCors.originOf(URI.create("https://Invite.Example.com/invite"))).isEqualTo(
                "https://invite.example.com");
        assertThat(InviteePageCors.originOf(URI.create("http://localhost:18081/invite?x=1"))).isEqualTo(
                "http://localhost:18081");
    }

    private Answer preflight(String path, String origin) {
        return http().send("OPTIONS", path, null, "Origin", origin, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type");
    }

    private HttpForTests http() {
        return new HttpForTests(port, null);
    }
}
