package dev.invitations.eventstore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * {@code invitations.event.processor.lag.positions{processor}}: how many event-store positions each streaming
 * processor of this instance is behind the newest event, counted from its furthest-behind segment. NaN while this
 * instance holds none of the processor's segments (another instance processes them). Axon's Micrometer module adds
 * timers and outcomes per command and event type ({@code commandBus_*}, {@code eventProcessor_*}), each registered at
 * its first message.
 */
// after Axon's configuration, which defines the command side's event store, and after the meter registry's
@AutoConfiguration(after = AxonAutoConfiguration.class,
        afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnBean({MeterRegistry.class, EventStore.class})
public class ProcessorLagMetrics {

    @Bean
    ApplicationListener<ApplicationReadyEvent> processorLagGauges(EventProcessingConfiguration processing,
                                                                  EventStore eventStore, MeterRegistry meters) {
        return ready -> processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("invitations.event.processor.lag.positions", streaming,
                                measured -> positionsBehind(measured, eventStore))
                        .description("event-store positions between the newest event and this instance's furthest-behind"
                                + " segment of the processor")
                        .tag("processor", name)
                        .register(meters);
            }
        });
    }

    private static double positionsBehind(StreamingEventProcessor processor, EventStore eventStore) {
        long furthestBehind = processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(-1))
                .min()
                .orElse(Long.MIN_VALUE);
        if (furthestBehind == Long.MIN_VALUE) {
            return Double.NaN;
        }
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : Math.max(head.position().orElse(-1) - furthestBehind, 0);
    }
}
