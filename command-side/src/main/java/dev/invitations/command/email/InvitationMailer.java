package dev.invitations.command.email;

import dev.invitations.api.token.InvitationTokens;
import jakarta.mail.MessagingException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes and sends invitation emails: a plain-text and an HTML part from the templates under {@code email/}, with
 * the link {@code <accept-url-base>?token=<token>}. The token is derived here, at the moment of sending, from the
 * invitation id, its send number and the key its recorded hash names; it exists only in the email that leaves.
 */
public class InvitationMailer {

    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final JavaMailSender mail;
    private final ITemplateEngine templates;
    private final InvitationTokens tokens;
    private final URI acceptUrlBase;
    private final String from;

    public InvitationMailer(JavaMailSender mail, InvitationTokens tokens, URI acceptUrlBase, String from) {
        this.mail = mail;
        this.templates = emailTemplates();
        this.tokens = tokens;
        this.acceptUrlBase = acceptUrlBase;
        this.from = from;
    }

    /** @throws EmailNotSent when the SMTP server cannot be reached or refuses the email, or it cannot be written */
    public void send(InvitationEmail email) {
        String link = acceptUrlBase + "?token=" + token(email);
        var context = new Context(Locale.ENGLISH, Map.of(
                "orgId", email.orgId(),
                "role", email.role(),
                "inviter", email.inviter() == null ? "" : email.inviter(),
                "invitedEmail", email.invitedEmail(),
                "expires", EXPIRY.format(email.expirationTime()),
                "link", link));
        var message = mail.createMimeMessage();
        try {
            var parts = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    StandardCharsets.UTF_8.name());
            parts.setFrom(from);
            parts.setTo(email.invitedEmail());
            parts.setSubject(templates.process("invitation-subject.txt", context).strip());
            parts.setText(templates.process("invitation.txt", context), templates.process("invitation.html", context));
        } catch (MessagingException e) {
            throw new EmailNotSent("the invitation email could not be written", e);
        }
        try {
            mail.send(message);
        } catch (MailException e) {
            throw new EmailNotSent("the SMTP server did not take the invitation email", e);
        }
    }

    private String token(InvitationEmail email) {
        try {
            return tokens.issue(email.invitationId(), email.sendCount(), email.tokenHash());
        } catch (IllegalStateException keyRetired) {
            throw new EmailNotSent(keyRetired.getMessage(), keyRetired);
        }
    }

    /** The templates under {@code email/}: {@code .txt} ones as text, {@code .html} ones as HTML, escaped for each. */
    private static ITemplateEngine emailTemplates() {
        var engine = new TemplateEngine();
        engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT));
        engine.addTemplateResolver(resolver(".html", TemplateMode.HTML));
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(String suffix, TemplateMode mode) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("email/");
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        return resolver;
    }
}
