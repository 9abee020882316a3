package dev.invitations.query.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The title and the bearer scheme of the description springdoc serves at {@code /v3/api-docs}, as the command side
 * gives its own. docs/openapi.yaml holds both sides' descriptions merged; OpenApiDriftIT (system-tests) fails when a
 * component both describe, the bearer scheme or {@code ProblemDetail}, differs between them.
 */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI queryApi() {
        return new OpenAPI()
                .info(new Info().title("Invitations: query API").version("v1")
                        .description("Every read: list, get and the history of invitations, lookup by token, the "
                                + "org's event feed (CloudEvents, described in docs/asyncapi.yaml) and the rebuild "
                                + "of the views. Writes are on the command side."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
                        .addSchemas("ProblemDetail", problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** RFC 9457, with the contract's {@code errors} for validation: the command side's, word for word. */
    private static Schema<?> problemSchema() {
        var fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("JSON path of the invalid field"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .addProperty("type", new StringSchema().format("uri").example("urn:invitations:problem:invalid-request"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().items(fieldError));
    }

    /** Every operation can answer with these problems; each is {@code application/problem+json}. */
    @Bean
    OperationCustomizer documentedProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "an invalid parameter, with one entry per invalid parameter in errors");
        problems.put("401", "no valid bearer token");
        problems.put("403", "the token lacks the permission or the org");
        problems.put("404", "no such invitation (or token)");
        problems.put("503", "storage is unreachable; see Retry-After");
        var problem = new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")));
        return (operation, handler) -> {
            problems.forEach((status, meaning) -> operation.getResponses()
                    .addApiResponse(status, new ApiResponse().description(meaning).content(problem)));
            return operation;
        };
    }
}
