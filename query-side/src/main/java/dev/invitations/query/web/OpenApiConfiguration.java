package dev.invitations.query.web;

import dev.invitations.problem.ProblemApiDocs;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The title and the problems of the description springdoc serves at {@code /v3/api-docs}. docs/openapi.yaml holds
 * both sides' descriptions merged; OpenApiDriftIT (system-tests) fails when it differs from what they serve.
 */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI queryApi() {
        return ProblemApiDocs.describedAs("Invitations: query API",
                "Every read: list, get and the history of invitations, lookup by token, a person's data, the org's"
                        + " event feed (CloudEvents, described in docs/asyncapi.yaml; with Accept: application/x-ndjson all of it"
                        + " as one stream), the org's API keys and the rebuild of the views. Writes are on the command side.");
    }

    /** Every operation can answer with these problems. */
    @Bean
    OperationCustomizer documentedProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "an invalid parameter, with one entry per invalid parameter in errors");
        problems.put("401", "no valid bearer token");
        problems.put("403", "the token lacks the permission or the org");
        problems.put("404", "no such invitation (or token)");
        problems.put("503", "storage is unreachable; see Retry-After");
        return ProblemApiDocs.answersWith(problems);
    }
}
