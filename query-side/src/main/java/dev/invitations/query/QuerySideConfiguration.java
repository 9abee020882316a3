package dev.invitations.query;

import dev.invitations.eventstore.EventStoreProperties;
import dev.invitations.eventstore.MongoEventStoreConfiguration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import java.util.concurrent.TimeUnit;

@Configuration(proxyBeanMethods = false)
class QuerySideConfiguration {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(StoredInstants.converters());
    }

    /**
     * Axon's event store, polling the storage again {@code invitations.query.event-poll-interval} after finding
     * nothing new: the writes come from another process, so no in-memory signal says when to look (Axon's default
     * of one second would be the views' usual lag).
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon,
                                  EventStoreProperties eventStoreProperties, QueryProperties properties) {
        return MongoEventStoreConfiguration.eventStoreBuilder(storageEngine, axon, eventStoreProperties)
                .fetchDelay(properties.eventPollInterval().toMillis())
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }

    /** A projection that cannot apply an event retries it, instead of Axon's default of logging and skipping it. */
    @Bean
    ConfigurerModule projectionsRetryFailedEvents() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(axon -> PropagatingErrorHandler.instance());
    }
}
