package dev.invitations.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;

/**
 * Writes problem+json answers from servlet filters, where no controller advice reaches. The {@code type} URIs
 * follow the sides' own: {@code urn:invitations:problem:<kind>}.
 */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:invitations:problem:";

    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    public static ProblemDetail problem(HttpStatus status, String kind, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + kind));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    public void write(HttpServletResponse response, HttpStatus status, String kind, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem(status, kind, detail));
    }
}
