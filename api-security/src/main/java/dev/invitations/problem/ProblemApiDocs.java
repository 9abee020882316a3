package dev.invitations.problem;

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

import java.util.Map;

/**
 * What both sides' OpenAPI descriptions share, so that the merged docs/openapi.yaml has one of each: the bearer
 * scheme, the {@code ProblemDetail} schema, and the problems an operation can answer with.
 */
public final class ProblemApiDocs {

    private static final String PROBLEM_DETAIL = "ProblemDetail";

    private ProblemApiDocs() {
    }

    /** A description titled {@code title}, every operation needing a bearer JWT (or, on an org's calls, an API key). */
    public static OpenAPI describedAs(String title, String description) {
        return new OpenAPI()
                .info(new Info().title(title).version("v1").description(description))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("a JWT, or on /v1/orgs/{orgId}/... an API key of that org (inv_...)"))
                        .addSchemas(PROBLEM_DETAIL, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** Adds to every operation these answers (status to meaning), each an {@code application/problem+json}. */
    public static OperationCustomizer answersWith(Map<String, String> problems) {
        var problem = new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_DETAIL)));
        return (operation, handler) -> {
            problems.forEach((status, meaning) -> operation.getResponses()
                    .addApiResponse(status, new ApiResponse().description(meaning).content(problem)));
            return operation;
        };
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
}
