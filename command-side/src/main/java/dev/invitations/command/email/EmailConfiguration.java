package dev.invitations.command.email;

import dev.invitations.api.token.InvitationTokens;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import java.net.URI;

@Configuration(proxyBeanMethods = false)
class EmailConfiguration {

    static {
        // Jakarta Mail looks its stream provider up with a ServiceLoader for every message part it writes unless
        // this names it: in the packaged jar that scan of the class path took a fifth of the command side's CPU
        System.getProperties().putIfAbsent(StreamProvider.class.getName(), MailStreamProvider.class.getName());
    }

    /** Sends through Spring Mail's SMTP client, configured by {@code spring.mail.*}. */
    @Bean
    InvitationMailer invitationMailer(JavaMailSender mail, InvitationTokens tokens, EmailProperties properties,
                                      @Value("${invitations.accept-url-base}") URI acceptUrlBase) {
        return new InvitationMailer(mail, tokens, acceptUrlBase, properties.from());
    }
}
