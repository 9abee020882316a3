package dev.invitations.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.invitations.problem.InvalidRequestException.FieldViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What both sides answer alike, as {@code application/problem+json} (RFC 9457): invalid requests with one entry
 * per invalid field, unreadable bodies naming the field where Jackson can tell, Spring MVC's own refusals (404,
 * 405 with {@code Allow}, 415...), 503 while storage is unreachable, and a bare 500 for anything else. Each side's
 * advice extends this with its domain's answers. {@code detail} never echoes input, so no token leaks through it.
 */
public abstract class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler
    protected ResponseEntity<Object> invalidRequest(InvalidRequestException e) {
        return respond(invalid(e.violations()));
    }

    @ExceptionHandler
    protected ResponseEntity<Object> unexpected(Exception e) {
        if (StorageFailures.isUnreachable(e)) {
            log.warn("storage unreachable: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .body(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable",
                            "storage is unreachable; retry later"));
        }
        log.error("unexpected failure", e);
        return respond(Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "an unexpected error occurred"));
    }

    /** Malformed JSON, or a value of the wrong type: name the field where Jackson can tell which. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return respond(invalid(List.of(new FieldViolation(pathOf(mapping), expectation(mapping)))));
        }
        String detail = e.getCause() instanceof JsonMappingException ? "the body must be a JSON object"
                : e.getCause() instanceof JsonProcessingException ? "the body is not well-formed JSON"
                : "the body is missing or unreadable";
        return respond(Problems.problem(HttpStatus.BAD_REQUEST, "malformed-request", detail));
    }

    /** Problems from Spring MVC itself (405, 415, 404 for unknown paths...) keep their status, as problem+json. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        var response = super.handleExceptionInternal(e, body, headers, status, request);
        return response == null ? null : ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(response.getBody());
    }

    /** 400 with one {@code {field, message}} per invalid field. */
    public static ProblemDetail invalid(List<FieldViolation> violations) {
        var problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid fields.");
        problem.setProperty("errors", violations.stream()
                .map(v -> Map.of("field", v.field(), "message", v.message()))
                .toList());
        return problem;
    }

    protected static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** {@code labels.team}, {@code requests[2].role}: the JSON path of the offending value. */
    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String expectation(JsonMappingException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            return "must be " + describe(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + describe(mismatch.getTargetType());
        }
        return "has an invalid value";
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Instant.class) {
            return "an RFC 3339 timestamp such as 2026-11-28T09:00:00Z";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object of string values";
        }
        return "a value of type " + type.getSimpleName();
    }
}
