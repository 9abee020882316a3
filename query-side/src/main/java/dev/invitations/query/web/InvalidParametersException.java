package dev.invitations.query.web;

import java.util.List;

/** Query parameters that fail the contract's rules; answered 400 with one {@code errors} entry each. */
class InvalidParametersException extends RuntimeException {

    record Violation(String field, String message) {
    }

    private final List<Violation> violations;

    InvalidParametersException(List<Violation> violations) {
        super(violations.toString());
        this.violations = List.copyOf(violations);
    }

    List<Violation> violations() {
        return violations;
    }
}
