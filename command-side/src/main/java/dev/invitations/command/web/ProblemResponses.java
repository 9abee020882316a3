package dev.invitations.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.invitations.command.idempotency.IdempotentRequests.KeyInUseException;
import dev.invitations.command.idempotency.IdempotentRequests.KeyReusedException;
import dev.invitations.command.invitation.InvitationRejected;
import dev.invitations.command.web.InvalidRequestException.FieldViolation;
import dev.invitations.eventstore.StorageFailures;
import dev.invitations.security.Problems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;
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
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error as {@code application/problem+json} (RFC 9457). The {@code type} URIs name the kind of problem so
 * a client can branch on it; {@code detail} never echoes a token or other secret input.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    /** The answers the domain and the request checks give; the same ones a batch gives per item. */
    @ExceptionHandler({InvalidRequestException.class, InvitationRejected.class, AggregateNotFoundException.class,
            ConflictingModificationException.class, KeyReusedException.class, KeyInUseException.class})
    ResponseEntity<Object> refused(RuntimeException e) {
        return respond(problemFor(e));
    }

    /**
     * The problem that answers a refused command or request.
     *
     * @throws RuntimeException {@code e} itself when it is no refusal but a failure
     */
    static ProblemDetail problemFor(RuntimeException e) {
        if (e instanceof InvalidRequestException invalid) {
            return invalid("The request has invalid fields.", invalid.violations());
        }
        if (e instanceof InvitationRejected rejected) {
            var status = switch (rejected.reason()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case NOT_PENDING, ALREADY_ACCEPTED, DUPLICATE_PENDING -> HttpStatus.CONFLICT;
                case GONE -> HttpStatus.GONE;
                case EMAIL_MISMATCH -> HttpStatus.FORBIDDEN;
            };
            return Problems.problem(status, rejected.reason().name().toLowerCase().replace('_', '-'), e.getMessage());
        }
        if (e instanceof AggregateNotFoundException) {
            return Problems.problem(HttpStatus.NOT_FOUND, "not-found", "no such invitation");
        }
        if (e instanceof ConflictingAggregateVersionException) {
            // If-Match named a version the invitation has moved past
            return Problems.problem(HttpStatus.PRECONDITION_FAILED, "version-mismatch",
                    "the invitation has changed since the version in If-Match");
        }
        if (e instanceof ConflictingModificationException) {
            // another command on the same invitation was stored first; a retry gets a definite answer
            return Problems.problem(HttpStatus.CONFLICT, "concurrent-change",
                    "the invitation was changed by a concurrent request; retry");
        }
        if (e instanceof KeyReusedException) {
            return Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", e.getMessage());
        }
        if (e instanceof KeyInUseException) {
            return Problems.problem(HttpStatus.CONFLICT, "idempotency-key-in-use", e.getMessage());
        }
        throw e;
    }

    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception e) {
        if (StorageFailures.isUnreachable(e)) {
            log.warn("storage unreachable: {}", e.toString());
            var response = problem(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable",
                    "storage is unreachable; retry later");
            return ResponseEntity.status(response.getStatusCode())
                    .headers(response.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .body(response.getBody());
        }
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "an unexpected error occurred");
    }

    /** Malformed JSON, or a value of the wrong type: name the field where Jackson can tell which. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return respond(invalid("The request has invalid fields.",
                    List.of(new FieldViolation(pathOf(mapping), expectation(mapping)))));
        }
        String detail = e.getCause() instanceof JsonMappingException ? "the body must be a JSON object"
                : e.getCause() instanceof JsonProcessingException ? "the body is not well-formed JSON"
                : "the body is missing or unreadable";
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", detail);
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

    private static ProblemDetail invalid(String detail, List<FieldViolation> violations) {
        var problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-request", detail);
        problem.setProperty("errors", violations.stream()
                .map(v -> Map.of("field", v.field(), "message", v.message()))
                .toList());
        return problem;
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String type, String detail) {
        return respond(Problems.problem(status, type, detail));
    }


    private static ResponseEntity<Object> respond(ProblemDetail problem) {
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
        if (type == java.time.Instant.class) {
            return "an RFC 3339 timestamp such as 2026-11-28T09:00:00Z";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object of string values";
        }
        return "a value of type " + type.getSimpleName();
    }
}
