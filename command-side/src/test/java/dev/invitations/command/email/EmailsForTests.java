package dev.invitations.command.email;

import dev.invitations.command.MailServerForTests;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the emails GreenMail caught: their text and HTML parts and the link they carry. */
final class EmailsForTests {

    private static final Pattern LINK = Pattern.compile("http://\\S+/invite\\?token=([A-Za-z0-9_-]+)");

    private EmailsForTests() {
    }

    /** Waits up to 10 s until {@code count} emails reached {@code address}; returns them. */
    static List<MimeMessage> await(String address, int count) {
        return poll(count + " emails to " + address, Duration.ofSeconds(10))
                .until(() -> MailServerForTests.emailsTo(address), emails -> emails.size() >= count);
    }

    /** Checks at once, then every 50 ms until {@code timeout}: what the email tests wait for comes within moments. */
    static ConditionFactory poll(String what, Duration timeout) {
        return Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50));
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
