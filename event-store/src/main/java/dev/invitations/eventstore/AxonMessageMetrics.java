package dev.invitations.eventstore;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

import java.util.List;
import java.util.function.Function;

/**
 * Axon's message metrics as its Spring Boot auto-configuration registers them (tagged by payload type, and by
 * processor name for the event processors: {@code commandBus_*}, {@code eventProcessor_*}, {@code eventBus_*}),
 * without its capacity gauge. Axon's {@code CapacityMonitor}, which it adds to every event processor and to the
 * command bus and cannot be left out by a setting, keeps each message's processing time of the last ten minutes in a
 * skip list: memory in proportion to the throughput, about 8 entries per invitation created on the command side and 4
 * on the query side (about 28 MB of the command side's 70 MB live heap while one org was filled with 100,000).
 * <p>
 * Axon's auto-configuration registers its own module only where none is defined, so this one replaces it; it uses the
 * registry that auto-configuration defines.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration")
@ConditionalOnBean(MeterRegistry.class)
public class AxonMessageMetrics {

    private static final String EVENT_PROCESSOR = "eventProcessor";

    @Bean
    MetricsConfigurerModule metricsWithoutCapacity(GlobalMetricRegistry metrics) {
        return new MetricsConfigurerModule(metrics) {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                        monitorFor(metrics, componentType, componentName));
            }
        };
    }

    /** The monitors Axon's registry gives {@code componentType}, without a capacity monitor. */
    @SuppressWarnings("unchecked") // Axon hands each component's monitor only the messages of that component
    static MessageMonitor<Message<?>> monitorFor(GlobalMetricRegistry metrics, Class<?> componentType,
                                                 String componentName) {
        return (MessageMonitor<Message<?>>) withoutCapacity(metrics, componentType, componentName);
    }

    private static MessageMonitor<? extends Message<?>> withoutCapacity(GlobalMetricRegistry metrics,
                                                                        Class<?> componentType, String componentName) {
        MeterRegistry meters = metrics.getRegistry();
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            Function<Message<?>, Iterable<Tag>> byPayloadType = message -> Tags.of(
                    TagsUtil.PAYLOAD_TYPE_TAG, message.getPayloadType().getSimpleName(),
                    TagsUtil.PROCESSOR_NAME_TAG, componentName);
            return new MultiMessageMonitor<EventMessage<?>>(List.of(
                    MessageTimerMonitor.buildMonitor(EVENT_PROCESSOR, meters, byPayloadType),
                    EventProcessorLatencyMonitor.builder().meterNamePrefix(EVENT_PROCESSOR).meterRegistry(meters)
                            .tagsBuilder(message -> Tags.of(TagsUtil.PROCESSOR_NAME_TAG, componentName)).build(),
                    MessageCountingMonitor.buildMonitor(EVENT_PROCESSOR, meters, byPayloadType)));
        }
        if (CommandBus.class.isAssignableFrom(componentType)) {
            return new MultiMessageMonitor<Message<?>>(List.of(
                    MessageTimerMonitor.buildMonitor(componentName, meters, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION),
                    MessageCountingMonitor.buildMonitor(componentName, meters, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION)));
        }
        // the event bus's monitors hold no window of their own; the sides use no query bus
        return metrics.registerComponentWithDefaultTags(componentType, componentName);
    }
}
