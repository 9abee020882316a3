package dev.invitations.command.email;

import dev.invitations.api.language.InvitationLanguage;
import dev.invitations.api.token.InvitationTokens;
import jakarta.mail.MessagingException;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes and sends invitation emails: a plain-text and an HTML part from the templates under {@code email/}, worded
 * by the bundles {@code messages/email*.properties} in the invitation's language, with the link
 * {@code <accept-url-base>?token=<token>}. The token is derived here, at the moment of sending, from the invitation
 * id, its send number and the key its recorded hash names; it exists only in the email that leaves.
 * <p>
 * An email is sent at least once: when the SMTP server fails after it took the email, or the saga's work is redone on
 * another instance, the same email goes again. Each send's email has one {@code Message-ID}, the same in every
 * attempt, so a mailbox shows the repeats as one message.
 */
public class InvitationMailer {

    private final JavaMailSender mail;
    private final MessageSource messages;
    private final ITemplateEngine templates;
    private final InvitationTokens tokens;
    private final URI acceptUrlBase;
    private final String from;

    public InvitationMailer(JavaMailSender mail, InvitationTokens tokens, URI acceptUrlBase, String from) {
        this.mail = mail;
        this.messages = emailMessages();
        this.templates = emailTemplates(messages);
        this.tokens = tokens;
        this.acceptUrlBase = acceptUrlBase;
        this.from = from;
    }

    /** @throws EmailNotSent when the SMTP server cannot be reached or refuses the email, or it cannot be written */
    public void send(InvitationEmail email) {
        String link = acceptUrlBase + "?token=" + token(email);
        var language = InvitationLanguage.of(email.locale());
        var context = new Context(language.written(), Map.of(
                "lang", language.tag(),
                "org", email.orgDisplayName() != null ? email.orgDisplayName() : email.orgId(),
                "roles", listed(email.roles(), language.written()),
                "inviter", email.inviter() == null ? "" : email.inviter(),
                "invitedEmail", email.invitedEmail(),
                "expires", language.dateTime(email.expirationTime()),
                "link", link));
        var message = mail.createMimeMessage();
        try {
            var parts = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    StandardCharsets.UTF_8.name());
            parts.setFrom(from);
            parts.setTo(email.invitedEmail());
            parts.setSubject(templates.process("invitation-subject.txt", context).strip());
            parts.setText(templates.process("invitation.txt", context), templates.process("invitation.html", context));
            message.setContentLanguage(new String[]{language.tag()});
            // kept by the sender, which sets a new one only where none was given
            message.setHeader("Message-ID", messageIdOf(email));
        } catch (MessagingException e) {
            throw new EmailNotSent("the invitation email could not be written", e);
        }
        try {
            mail.send(message);
        } catch (MailException e) {
            throw new EmailNotSent("the SMTP server did not take the invitation email", e);
        }
    }

    /** The same for every attempt at one send's email: {@code <invitation-<id>.send-<n>@<the sender's domain>>}. */
    String messageIdOf(InvitationEmail email) {
        return "<invitation-" + email.invitationId() + ".send-" + email.sendCount() + "@" + senderDomain() + ">";
    }

    private String senderDomain() {
        String address = from.contains("<") ? from.substring(from.lastIndexOf('<') + 1, from.lastIndexOf('>')) : from;
        String domain = address.substring(address.lastIndexOf('@') + 1).strip();
        return domain.isEmpty() ? "localhost" : domain;
    }

    private String token(InvitationEmail email) {
        try {
            return tokens.issue(email.invitationId(), email.sendCount(), email.tokenHash());
        } catch (IllegalStateException keyRetired) {
            throw new EmailNotSent(keyRetired.getMessage(), keyRetired);
        }
    }

    /** The roles as a sentence names them, in the language's way: "member and billing-admin", "a, b, and c". */
    private String listed(List<String> roles, Locale language) {
        int last = roles.size() - 1;
        if (last <= 0) {
            return last == 0 ? roles.get(0) : "";
        }
        String listed = messages.getMessage(last == 1 ? "list.two" : "list.end",
                new Object[]{roles.get(last - 1), roles.get(last)}, language);
        for (int i = last - 2; i >= 0; i--) {
            listed = messages.getMessage("list.middle", new Object[]{roles.get(i), listed}, language);
        }
        return listed;
    }

    /**
     * The email's wording, {@code messages/email*.properties} (UTF-8). A language without a bundle of its own is
     * read from its parents' and then from the English base bundle, never in the JVM's default locale.
     */
    private static MessageSource emailMessages() {
        var bundles = new ResourceBundleMessageSource();
        bundles.setBasename("messages/email");
        bundles.setDefaultEncoding(StandardCharsets.UTF_8.name());
        bundles.setFallbackToSystemLocale(false);
        return bundles;
    }

    /** The templates under {@code email/}: {@code .txt} ones as text, {@code .html} ones as HTML, escaped for each. */
    private static ITemplateEngine emailTemplates(MessageSource messages) {
        var engine = new TemplateEngine();
        engine.addTemplateResolver(resolver(".txt", TemplateMode.TEXT));
        engine.addTemplateResolver(resolver(".html", TemplateMode.HTML));
        engine.setMessageResolver(new BundleMessages(messages));
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

    /** The templates' {@code #{key(args)}}, read from the message bundles in the template's locale. */
    private record BundleMessages(MessageSource messages) implements IMessageResolver {

        @Override
        public String getName() {
            return "message-bundles";
        }

        @Override
        public Integer getOrder() {
            return 0;
        }

        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
            return messages.getMessage(key, parameters, null, context.getLocale());
        }

        /** Thymeleaf's own sign of a missing message: {@code ??key_de??}. */
        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                        Object[] parameters) {
            return "??" + key + "_" + context.getLocale() + "??";
        }
    }
}
