package dev.invitations.command.email;

import dev.invitations.api.token.InvitationTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import java.net.URI;

@Configuration(proxyBeanMethods = false)
class EmailConfiguration {

    /** Sends through Spring Mail's SMTP client, configured by {@code spring.mail.*}. */
    @Bean
    InvitationMailer invitationMailer(JavaMailSender mail, InvitationTokens tokens, EmailProperties properties,
                                      @Value("${invitations.accept-url-base}") URI acceptUrlBase) {
        return new InvitationMailer(mail, tokens, acceptUrlBase, properties.from());
    }
}
