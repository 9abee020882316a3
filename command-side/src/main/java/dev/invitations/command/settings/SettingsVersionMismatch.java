package dev.invitations.command.settings;

/** A change of an org's settings named a version ({@code If-Match}) they are no longer at. It changes nothing. */
public class SettingsVersionMismatch extends RuntimeException {

    public SettingsVersionMismatch(long expectedVersion, long currentVersion) {
        super("the settings are at version " + currentVersion + ", not " + expectedVersion);
    }
}
