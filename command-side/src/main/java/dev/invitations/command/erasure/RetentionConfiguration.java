package dev.invitations.command.erasure;

import dev.invitations.command.storage.InvitationSubjects;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

import java.time.Clock;

/** The retention job, scheduled only when {@code invitations.retention.erase-after} is set. */
@Configuration
@EnableConfigurationProperties(RetentionProperties.class)
@ConditionalOnProperty("invitations.retention.erase-after")
class RetentionConfiguration {

    @Bean
    RetentionJob retentionJob(InvitationSubjects subjects, PersonalDataErasure erasure, MongoTemplate mongo,
                              RetentionProperties properties, Clock clock) {
        return new RetentionJob(subjects, erasure, mongo, properties, clock);
    }

    @Bean(destroyMethod = "close")
    SimpleAsyncTaskScheduler retentionScheduler(RetentionJob job, RetentionProperties properties, Clock clock) {
        var scheduler = new SimpleAsyncTaskScheduler();
        scheduler.setThreadNamePrefix("retention-");
        // the first run one interval after the start, once the application is up; a failed run is logged, and the
        // next one comes all the same
        scheduler.scheduleWithFixedDelay(job::eraseEndedLongAgo, clock.instant().plus(properties.checkInterval()),
                properties.checkInterval());
        return scheduler;
    }
}
