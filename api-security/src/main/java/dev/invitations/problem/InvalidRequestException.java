package dev.invitations.problem;

import java.util.List;

/** A request that breaks the contract's input rules; answered with 400 and one entry per invalid field. */
public class InvalidRequestException extends RuntimeException {

    /** One invalid field: {@code field} is its path in the request ({@code labels.team}, {@code ttl}). */
    public record FieldViolation(String field, String message) {
    }

    private final List<FieldViolation> violations;

    public InvalidRequestException(List<FieldViolation> violations) {
        super(violations.size() + " invalid field(s)");
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
