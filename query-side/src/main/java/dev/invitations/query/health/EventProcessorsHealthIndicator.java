package dev.invitations.query.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code eventProcessors} in {@code /actuator/health}: DOWN, naming the processor and its error, while an event
 * processor's last batch of events rolled back, until a batch of it commits again. A projection that cannot apply an
 * event retries it without end and never skips it (see {@code QuerySideConfiguration}), so its views silently stop
 * at that event; this and the gauge {@code invitations.event.processor.failing} are how an operator sees it. Axon's
 * own per-segment error state is no help here: the pooled processor releases a failed segment, and forgets its
 * status, while it backs off before the retry.
 */
@Component
class EventProcessorsHealthIndicator implements HealthIndicator, ConfigurerModule {

    private static final Logger log = LoggerFactory.getLogger(EventProcessorsHealthIndicator.class);

    private record Failure(Instant since, String error) {
    }

    private final Map<String, Failure> failing = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Clock clock;

    EventProcessorsHealthIndicator(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing().registerDefaultHandlerInterceptor((axon, processor) -> watching(processor));
    }

    @Override
    public Health health() {
        if (failing.isEmpty()) {
            return Health.up().build();
        }
        Map<String, Object> details = new TreeMap<>();
        failing.forEach((processor, failure) -> details.put(processor,
                Map.of("failingSince", failure.since().toString(), "error", failure.error())));
        return Health.down().withDetails(details).build();
    }

    private MessageHandlerInterceptor<EventMessage<?>> watching(String processor) {
        Gauge.builder("invitations.event.processor.failing", failing, now -> now.containsKey(processor) ? 1 : 0)
                .description("1 while the processor retries a batch of events that failed: its views stand still")
                .tag("processor", processor)
                .register(meters);
        return (unitOfWork, chain) -> {
            unitOfWork.onRollback(rolledBack -> failed(processor, rolledBack.getExecutionResult() == null
                    ? null : rolledBack.getExecutionResult().getExceptionResult()));
            unitOfWork.afterCommit(committed -> recovered(processor));
            return chain.proceed();
        };
    }

    private void failed(String processor, Throwable error) {
        String description = error == null ? "rolled back" : error.toString();
        if (failing.putIfAbsent(processor, new Failure(clock.instant(), description)) == null) {
            // Axon logs each attempt at WARN; this marks where the views started to stand still
            log.error("event processor {} cannot apply its events and retries them; its views stand still: {}",
                    processor, description);
        }
    }

    private void recovered(String processor) {
        Failure failure = failing.remove(processor);
        if (failure != null) {
            log.info("event processor {} applies its events again, after failing since {}", processor,
                    failure.since());
        }
    }
}
