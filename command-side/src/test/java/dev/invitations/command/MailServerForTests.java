package dev.invitations.command;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.List;

/** One GreenMail SMTP server per test JVM, taking every email the command sides under test send. */
public final class MailServerForTests {

    private static final GreenMail SERVER = started();

    private MailServerForTests() {
    }

    public static int port() {
        return SERVER.getSmtp().getPort();
    }

    /** The emails received so far for {@code address}, oldest first. */
    public static List<MimeMessage> emailsTo(String address) {
        return Arrays.stream(SERVER.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients())
                                .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static GreenMail started() {
        var server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }
}
