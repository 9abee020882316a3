package dev.invitations.query.web;

import dev.invitations.problem.StorageFailures;
import dev.invitations.query.invitation.InvalidCursorException;
import dev.invitations.query.web.InvalidParametersException.Violation;
import dev.invitations.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;

/** Every error of the query side as {@code application/problem+json} (RFC 9457), typed like the command side's. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler
    ResponseEntity<Object> invalidParameters(InvalidParametersException e) {
        return invalid(e.violations());
    }

    @ExceptionHandler
    ResponseEntity<Object> invalidCursor(InvalidCursorException e) {
        return invalid(List.of(new Violation(e.parameter(), e.getMessage())));
    }

    @ExceptionHandler
    ResponseEntity<Object> notFound(NotFoundException e) {
        return respond(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "no such invitation"));
    }

    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception e) {
        if (StorageFailures.isUnreachable(e)) {
            log.warn("storage unreachable: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable",
                            "storage is unreachable; retry later"));
        }
        log.error("unexpected failure", e);
        return respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "an unexpected error occurred"));
    }

    /** Problems from Spring MVC itself (404 for unknown paths, 405...) keep their status, as problem+json. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        var response = super.handleExceptionInternal(e, body, headers, status, request);
        return response == null ? null : ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(response.getBody());
    }

    private static ResponseEntity<Object> invalid(List<Violation> violations) {
        var problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid parameters.");
        problem.setProperty("errors", violations.stream()
                .map(violation -> Map.of("field", violation.field(), "message", violation.message()))
                .toList());
        return respond(problem);
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
