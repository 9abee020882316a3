package dev.invitations.eventstore;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon's metrics per command and event type stay, its capacity gauge (a ten-minute window of every message, in
 * memory) goes; and this module is the one a side's context uses.
 */
class AxonMessageMetricsTest {

    @Test
    void eventProcessorsAreTimedAndCountedByProcessorAndPayloadTypeWithoutACapacityWindow() {
        var meters = new SimpleMeterRegistry();

        handle(AxonMessageMetrics.monitorFor(new GlobalMetricRegistry(meters), EventProcessor.class, "invitation-views"),
                GenericEventMessage.asEventMessage("created"));

        assertThat(names(meters)).contains("eventProcessor.successTimer", "eventProcessor.latency",
                "eventProcessor.successCounter").noneMatch(name -> name.contains("capacity"));
        assertThat(meters.get("eventProcessor.successTimer").tag("processorName", "invitation-views")
                .tag("payloadType", "String").timer().count()).isEqualTo(1);
    }

    @Test
    void theCommandBusIsTimedAndCountedByPayloadTypeWithoutACapacityWindow() {
        var meters = new SimpleMeterRegistry();

        handle(AxonMessageMetrics.monitorFor(new GlobalMetricRegistry(meters), CommandBus.class, "commandBus"),
                GenericCommandMessage.asCommandMessage("create"));

        assertThat(names(meters)).contains("commandBus.successTimer", "commandBus.successCounter")
                .noneMatch(name -> name.contains("capacity"));
        assertThat(meters.get("commandBus.successTimer").tag("payloadType", "String").timer().count()).isEqualTo(1);
    }

    /** What this module leaves out: Axon's own registry gives every event processor a capacity window. */
    @Test
    void axonsOwnRegistryWouldAddTheCapacityWindow() {
        var meters = new SimpleMeterRegistry();

        handle(new GlobalMetricRegistry(meters).registerComponentWithDefaultTags(EventProcessor.class, "views"),
                GenericEventMessage.asEventMessage("created"));

        assertThat(names(meters)).anyMatch(name -> name.contains("capacity"));
    }

    @Test
    void replacesTheModuleOfAxonsAutoConfiguration() {
        new ApplicationContextRunner()
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withConfiguration(AutoConfigurations.of(AxonMessageMetrics.class,
                        MicrometerMetricsAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).hasSingleBean(MetricsConfigurerModule.class);
                    assertThat(context).hasSingleBean(GlobalMetricRegistry.class);
                    assertThat(context.getBeanNamesForType(MetricsConfigurerModule.class))
                            .containsExactly("metricsWithoutCapacity");
                });
    }

    @SuppressWarnings("unchecked")
    private static void handle(MessageMonitor<? extends Message<?>> monitor, Message<?> message) {
        ((MessageMonitor<Message<?>>) monitor).onMessageIngested(message).reportSuccess();
    }

    private static List<String> names(MeterRegistry meters) {
        return meters.getMeters().stream().map(Meter::getId).map(Meter.Id::getName).toList();
    }
}
