package dev.invitations.command.apikey;

/** No API key of that id exists in the org (none at all, or one of another org). */
public class ApiKeyNotFound extends RuntimeException {

    public ApiKeyNotFound() {
        super("no such API key");
    }
}
