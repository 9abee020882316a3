package dev.invitations.command.web;

import dev.invitations.problem.ProblemApiDocs;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;

/** The title and the problems of the description springdoc serves at {@code /v3/api-docs}. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI commandApi() {
        return ProblemApiDocs.describedAs("Invitations: command API",
                "Every write: create, batch create, resend, revoke, cancel, update, accept and decline invitations;"
                        + " create and revoke an org's API keys; erase a person's data; compact the storage."
                        + " Reads are on the query side.");
    }

    /** Every operation can answer with these problems. */
    @Bean
    OperationCustomizer documentedProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "malformed or invalid input, with one entry per invalid field in errors");
        problems.put("401", "no valid bearer token");
        problems.put("403", "the token lacks the permission or the org (on /v1/me: a verified email), or the accepting"
                + " email's domain is not allowed by the org (email-domain-not-allowed)");
        problems.put("404", "no such invitation (or token, or API key)");
        problems.put("409", "the invitation's state forbids this, or a pending one exists for the email");
        problems.put("410", "the token is expired, revoked, declined or superseded");
        problems.put("412", "If-Match names a version the invitation has moved past");
        problems.put("413", "the body is larger than invitations.max-body-size, or metadata above 4 KB"
                + " (metadata-too-large)");
        problems.put("415", "the body is not application/json");
        problems.put("422", "the Idempotency-Key was used with a different request, or the org's settings refuse the"
                + " email's domain (email-domain-not-allowed), a role (role-not-allowed) or the redirect URL"
                + " (redirect-not-allowed)");
        problems.put("429", "too many requests, or the invitation was sent as often today as the org allows"
                + " (send-limit-reached); see Retry-After");
        problems.put("503", "storage is unreachable; see Retry-After");
        return ProblemApiDocs.answersWith(problems);
    }
}
