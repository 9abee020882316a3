package dev.invitations.eventstore;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * How far each streaming processor of this instance is behind the newest event, in event-store positions and in
 * time: {@code invitations.event.processor.lag.positions{processor}} and
 * {@code invitations.event.processor.lag.seconds{processor}} ({@link ProcessorLagGauges}). Axon's Micrometer module
 * adds timers and outcomes per command and event type ({@code commandBus_*}, {@code eventProcessor_*}), each
 * registered at its first message.
 */
// after Axon's configuration, which defines the command side's event store, and after the meter registry's
@AutoConfiguration(after = AxonAutoConfiguration.class,
        afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBean({MeterRegistry.class, EventStore.class})
public class ProcessorLagMetrics {

    /** Once the application is ready, its processors are all there; the gauges read the events' collection. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> processorLagGauges(EventProcessingConfiguration processing,
                                                                  MongoTemplate axonMongoTemplate, Clock clock,
                                                                  MeterRegistry meters) {
        var gauges = new ProcessorLagGauges(axonMongoTemplate.eventCollection(), clock, meters);
        return ready -> processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                gauges.register(name, streaming);
            }
        });
    }
}
