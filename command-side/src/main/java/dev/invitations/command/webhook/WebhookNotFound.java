package dev.invitations.command.webhook;

/** The org has no such webhook endpoint (never had, deleted it, or it is another org's). */
public class WebhookNotFound extends RuntimeException {

    public WebhookNotFound() {
        super("no such webhook", null, false, false);
    }
}
