package dev.invitations.security.secrets;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The check every secret passes before it is used: outside the {@code local} profile, a secret that is unset, or
 * set to a value published with this project (the local profile's and the former compose file's), stops the start.
 */
public final class RequiredSecrets {

    /** The profile under which the built-in secrets of {@code application-local.yml} apply. */
    public static final String LOCAL_PROFILE = "local";

    /** Every secret value ever published in this repository: anyone can sign or derive with them. */
    private static final Set<String> PUBLIC_VALUES = Set.of(
            "local-development-token-secret-not-for-production",
            "local-development-jwt-secret-not-for-production",
            "local-development-personal-data-secret-not-for-production",
            "local-development-api-key-secret-not-for-production",
            "local-development-webhook-secret-key-not-for-production",
            "compose-demo-token-secret-change-me-please",
            "compose-demo-jwt-secret-change-me-please");

    private final boolean local;

    public RequiredSecrets(Environment environment) {
        this.local = environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE));
    }

    /**
     * The secret's UTF-8 bytes.
     *
     * @param environmentVariable the variable that sets {@code property}, for the message that says how to set it
     * @throws MissingSecretException when it is blank, or public outside a local run
     */
    public byte[] require(String property, String environmentVariable, String value) {
        if (value == null || value.isBlank()) {
            throw new MissingSecretException(property, environmentVariable, false);
        }
        if (!local && PUBLIC_VALUES.contains(value.strip())) {
            throw new MissingSecretException(property, environmentVariable, true);
        }
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
