package dev.invitations.security.secrets;

/** A secret that a deployment must set is missing, or holds a value published with the project. */
public class MissingSecretException extends IllegalStateException {

    private final String property;
    private final String environmentVariable;

    MissingSecretException(String property, String environmentVariable, boolean publicValue) {
        super(property + (publicValue ? " holds a built-in value meant only for local runs" : " is not set"));
        this.property = property;
        this.environmentVariable = environmentVariable;
    }

    public String property() {
        return property;
    }

    /** The environment variable that sets the property. */
    public String environmentVariable() {
        return environmentVariable;
    }
}
