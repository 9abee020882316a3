package dev.invitations.command.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration
class InvitationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
