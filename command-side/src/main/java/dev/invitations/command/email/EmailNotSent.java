package dev.invitations.command.email;

/** An invitation email that did not leave: the SMTP server could not be reached or refused it, or it could not be written. */
public class EmailNotSent extends RuntimeException {

    EmailNotSent(String message, Throwable cause) {
        super(message, cause);
    }
}
