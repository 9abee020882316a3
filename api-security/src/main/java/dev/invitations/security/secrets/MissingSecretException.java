package dev.invitations.security.secrets;

/** A secret that a deployment must set is missing, or holds a value published with the project. */
public class MissingSecretException extends IllegalStateException {

    private final String property;
    private final String environmentVariable;
    private final boolean publicValue;

    MissingSecretException(String property, String environmentVariable, boolean publicValue) {
        super(property + (publicValue ? " holds a built-in value meant only for local runs" : " is not set"));
        this.property = property;
        this.environmentVariable = environmentVariable;
        this.publicValue = publicValue;
    }

    public String property() {
        return property;
    }

    public boolean publicValue() {
        return publicValue;
    }

    /** The environment variable that sets the property. */
    public String environmentVariable() {
        return environmentVariable;
    }
}
