package dev.invitations.security.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or public secret into Boot's start-up report: what is wrong, and how to set it. */
class MissingSecretFailureAnalyzer extends AbstractFailureAnalyzer<MissingSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSecretException cause) {
        return new FailureAnalysis(cause.getMessage() + ": this service does not start without its own secret.",
                "Set " + cause.property() + " to a random value of at least 32 bytes (for example the output of"
                        + " `openssl rand -base64 48`): as the environment variable " + cause.environmentVariable()
                        + ", or as a file named " + cause.property() + " in /run/secrets/ (read through Spring's"
                        + " configtree import). Built-in values exist only under the 'local' profile, which"
                        + " ./run-local.sh turns on.",
                cause);
    }
}
