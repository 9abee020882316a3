package dev.invitations.command.web;

import dev.invitations.command.apikey.ApiKeyNotFound;
import dev.invitations.command.apikey.ApiKeyScopesExceeded;
import dev.invitations.command.idempotency.IdempotentRequests.KeyInUseException;
import dev.invitations.command.idempotency.IdempotentRequests.KeyReusedException;
import dev.invitations.command.invitation.InvitationRejected;
import dev.invitations.command.invitation.SendLimitReached;
import dev.invitations.command.settings.SettingsVersionMismatch;
import dev.invitations.problem.InvalidRequestException;
import dev.invitations.problem.InvalidRequestException.FieldViolation;
import dev.invitations.problem.ProblemAdvice;
import dev.invitations.problem.Problems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The command side's answers to refused commands, on top of those both sides share. The {@code type} URIs name
 * the kind of problem ({@code urn:invitations:problem:duplicate-pending}...) so that a client can branch on it.
 */
@RestControllerAdvice
class ProblemResponses extends ProblemAdvice {

    private final Clock clock;

    ProblemResponses(Clock clock) {
        this.clock = clock;
    }

    /** The answers the domain and the request checks give; the same ones a batch gives per item. */
    @ExceptionHandler({InvitationRejected.class, AggregateNotFoundException.class,
            ConflictingModificationException.class, KeyReusedException.class, KeyInUseException.class,
            SettingsVersionMismatch.class, ApiKeyNotFound.class, ApiKeyScopesExceeded.class})
    ResponseEntity<Object> refused(RuntimeException e) {
        ResponseEntity<Object> answer = respond(problemFor(e));
        if (e instanceof SendLimitReached limit) {
            long seconds = Math.max(1, Duration.between(clock.instant(), limit.nextSendAllowedAt()).toSeconds() + 1);
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)).body(answer.getBody());
        }
        return answer;
    }

    /**
     * The problem that answers a refused command or request.
     *
     * @throws RuntimeException {@code e} itself when it is no refusal but a failure
     */
    static ProblemDetail problemFor(RuntimeException e) {
        if (e instanceof InvalidRequestException invalid) {
            return invalid(invalid.violations());
        }
        if (e instanceof ErrorResponseException response) {
            return response.getBody();
        }
        if (e instanceof InvitationRejected rejected && rejected.reason() == InvitationRejected.Reason.ROLES_REQUIRED) {
            return invalid(List.of(new FieldViolation("roles", rejected.getMessage())));
        }
        if (e instanceof InvitationRejected rejected) {
            var status = switch (rejected.reason()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case NOT_PENDING, ALREADY_ACCEPTED, DUPLICATE_PENDING -> HttpStatus.CONFLICT;
                case GONE -> HttpStatus.GONE;
                case EMAIL_MISMATCH, ACCEPTING_EMAIL_NOT_ALLOWED -> HttpStatus.FORBIDDEN;
                case ROLES_REQUIRED -> HttpStatus.BAD_REQUEST;
                case EMAIL_DOMAIN_NOT_ALLOWED, ROLE_NOT_ALLOWED, REDIRECT_NOT_ALLOWED -> HttpStatus.UNPROCESSABLE_ENTITY;
                case SEND_LIMIT_REACHED -> HttpStatus.TOO_MANY_REQUESTS;
            };
            // an accept refused for its email's domain is the same kind of problem as a create refused for it
            var reason = rejected.reason() == InvitationRejected.Reason.ACCEPTING_EMAIL_NOT_ALLOWED
                    ? InvitationRejected.Reason.EMAIL_DOMAIN_NOT_ALLOWED : rejected.reason();
            return Problems.problem(status, reason.name().toLowerCase(Locale.ROOT).replace('_', '-'), e.getMessage());
        }
        if (e instanceof ApiKeyNotFound) {
            return Problems.problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
        }
        if (e instanceof ApiKeyScopesExceeded exceeded) {
            return invalid(exceeded.violations().stream().map(violation -> new FieldViolation(
                    violation.index() < 0 ? "scopes" : "scopes[" + violation.index() + "]", violation.message()))
                    .toList());
        }
        if (e instanceof AggregateNotFoundException) {
            return Problems.problem(HttpStatus.NOT_FOUND, "not-found", "no such invitation");
        }
        if (e instanceof ConflictingAggregateVersionException) {
            // If-Match named a version the invitation has moved past
            return Problems.problem(HttpStatus.PRECONDITION_FAILED, "version-mismatch",
                    "the invitation has changed since the version in If-Match");
        }
        if (e instanceof SettingsVersionMismatch) {
            return Problems.problem(HttpStatus.PRECONDITION_FAILED, "version-mismatch",
                    "the settings have changed since the version in If-Match");
        }
        if (e instanceof ConflictingModificationException) {
            // another command on the same invitation (or org settings) was stored first; a retry gets a definite answer
            return Problems.problem(HttpStatus.CONFLICT, "concurrent-change",
                    "a concurrent request changed it first; retry");
        }
        if (e instanceof KeyReusedException) {
            return Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", e.getMessage());
        }
        if (e instanceof KeyInUseException) {
            return Problems.problem(HttpStatus.CONFLICT, "idempotency-key-in-use", e.getMessage());
        }
        throw e;
    }
}
