package dev.invitations.query.invitation;

/** A list cursor this service did not issue for this org, or one that was changed. */
public class InvalidCursorException extends RuntimeException {

    private final String parameter;

    InvalidCursorException(String parameter) {
        super("is not a cursor this service issued for this list");
        this.parameter = parameter;
    }

    /** The query parameter that carried the cursor. */
    public String parameter() {
        return parameter;
    }
}
