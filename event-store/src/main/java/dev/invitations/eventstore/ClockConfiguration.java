package dev.invitations.eventstore;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * The clock both sides read the time from (expiries, deadlines, idempotency keys, the invitee's page, the processor
 * lag gauges' memo), in UTC. A test, or an application, that defines its own {@link Clock} bean replaces it.
 */
@AutoConfiguration
public class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
