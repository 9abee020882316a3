package dev.invitations.query.web;

import dev.invitations.problem.InvalidRequestException.FieldViolation;
import dev.invitations.problem.ProblemAdvice;
import dev.invitations.problem.Problems;
import dev.invitations.query.invitation.InvalidCursorException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** The query side's answers to what it cannot read, on top of those both sides share (invalid parameters, 503...). */
@RestControllerAdvice
class ProblemResponses extends ProblemAdvice {

    @ExceptionHandler
    ResponseEntity<Object> invalidCursor(InvalidCursorException e) {
        return respond(invalid(List.of(new FieldViolation(e.parameter(), e.getMessage()))));
    }

    @ExceptionHandler
    ResponseEntity<Object> notFound(NotFoundException e) {
        return respond(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "no such invitation"));
    }
}
