package dev.invitations.command.web;

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

/** The title and the bearer scheme of the description springdoc serves at {@code /v3/api-docs}. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI commandApi() {
        return new OpenAPI()
                .info(new Info().title("Invitations: command API").version("v1")
                        .description("Every write: create, batch create, resend, revoke, cancel, update, accept and "
                                + "decline invitations. Reads are on the query side."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
                        .addSchemas("ProblemDetail", problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** RFC 9457, with the contract's {@code errors} for validation. */
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
        problems.put("400", "malformed or invalid input, with one entry per invalid field in errors");
        problems.put("401", "no valid bearer token");
        problems.put("403", "the token lacks the permission or the org");
        problems.put("404", "no such invitation (or token)");
        problems.put("409", "the invitation's state forbids this, or a pending one exists for the email");
        problems.put("410", "the token is expired, revoked, declined or superseded");
        problems.put("412", "If-Match names a version the invitation has moved past");
        problems.put("413", "the body is larger than invitations.max-body-size");
        problems.put("415", "the body is not application/json");
        problems.put("422", "the Idempotency-Key was used with a different request");
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
