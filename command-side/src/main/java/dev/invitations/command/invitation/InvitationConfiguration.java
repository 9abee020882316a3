package dev.invitations.command.invitation;

import dev.invitations.api.token.InvitationTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

@Configuration
class InvitationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Injected into the aggregate's command handlers, which hash the tokens of new sends. */
    @Bean
    InvitationTokens invitationTokens(InvitationsProperties properties) {
        return new InvitationTokens(properties.tokenSecret().getBytes(StandardCharsets.UTF_8));
    }
}
