package dev.invitations.command.web;

import java.util.List;

/** A request that breaks the contract's input rules; answered with 400 and one entry per invalid field. */
class InvalidRequestException extends RuntimeException {

    /** One invalid field: {@code field} is its path in the request ({@code labels.team}, {@code ttl}). */
    record FieldViolation(String field, String message) {
    }

    private final List<FieldViolation> violations;

    InvalidRequestException(List<FieldViolation> violations) {
        super(violations.size() + " invalid field(s)");
        this.violations = List.copyOf(violations);
    }

    List<FieldViolation> violations() {
        return violations;
    }
}
