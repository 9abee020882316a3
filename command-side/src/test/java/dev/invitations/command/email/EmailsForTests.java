package dev.invitations.command.email;

import dev.invitations.command.MailServerForTests;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the emails GreenMail caught: their text and HTML parts and the link they carry. */
final class EmailsForTests {

    private static final Pattern LINK = Pattern.compile("http://\\S+/invite\\?token=([A-Za-z0-9_-]+)");

    private EmailsForTests() {
    }

    static List<MimeMessage> await(String address, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<MimeMessage> emails = MailServerForTests.emailsTo(address);
        while (emails.size() < count && System.nanoTime() < deadline) {
            pause();
            emails = MailServerForTests.emailsTo(address);
        }
        if (emails.size() < count) {
            throw new AssertionError("expected " + count + " emails to " + address + ", got " + emails.size());
        }
        return emails;
    }

    static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The text of the first part of {@code mimeType} ({@code text/plain}, {@code text/html}), searched in depth. */
    static String part(Part email, String mimeType) {
        try {
            if (email.isMimeType(mimeType)) {
                return (String) email.getContent();
            }
            if (email.getContent() instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    String found = part(part, mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token of the invitation link in {@code text}. */
    static String tokenOfLinkIn(String text) {
        var matcher = LINK.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no invitation link in " + text);
        }
        return matcher.group(1);
    }
}
