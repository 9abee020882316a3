package dev.invitations.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.TimeUnit;

/**
 * Axon's event store, token store and saga store on MongoDB, all with the Jackson serializer. Both sides import
 * this so they read and write the same store; it is the only place that knows Axon's events live in MongoDB.
 */
// before Axon's own auto-configuration, whose event store is conditional on an EventStorageEngine bean
@AutoConfiguration(after = MongoAutoConfiguration.class, before = AxonAutoConfiguration.class)
@EnableConfigurationProperties({EventStoreProperties.class, DeadlineProperties.class})
public class MongoEventStoreConfiguration {

    /** The counter of the events' global positions, beside axon-mongo's own collections. */
    static final String POSITIONS_COLLECTION = "eventpositions";

    /** Fail fast while MongoDB is unreachable (the driver would wait 30 s to select a server). */
    @Bean
    public MongoClientSettingsBuilderCustomizer failFastWhileStorageIsUnreachable(EventStoreProperties properties) {
        long timeoutMillis = properties.storageTimeout().toMillis();
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(timeoutMillis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) timeoutMillis, TimeUnit.MILLISECONDS));
    }

    @Bean
    public MongoTemplate axonMongoTemplate(MongoClient client, MongoProperties mongo) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(client, mongo.getMongoClientDatabase())
                .build();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate,
                                                 MongoClient client,
                                                 MongoProperties mongo,
                                                 Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Configuration axonConfiguration,
                                                 EventStoreProperties properties,
                                                 ObjectProvider<FetchedEventsListener> fetchedEventsListeners) {
        var positions = client.getDatabase(mongo.getMongoClientDatabase()).getCollection(POSITIONS_COLLECTION);
        // the engine creates its indexes: the unique (aggregateIdentifier, sequenceNumber) one is what makes
        // concurrent writers of one aggregate conflict
        return new GlobalPositionEventStorageEngine(MongoEventStorageEngine.builder()
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(axonConfiguration.upcasterChain()),
                axonMongoTemplate, new GlobalPositionStorageStrategy(positions, properties.maxGapOffset(),
                        fetchedEventsListeners.orderedStream().toList()));
    }

    /** Axon's event store on the storage engine, as Axon's auto-configuration makes it but for its cache of events. */
    @Bean(name = "eventBus")
    @ConditionalOnMissingBean(EventStore.class)
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration axonConfiguration,
                                         EventStoreProperties properties) {
        return eventStoreBuilder(storageEngine, axonConfiguration, properties).build();
    }

    /**
     * The event store of {@link #eventStore}, for a side that sets more: it keeps {@code cached-events} of the newest
     * events in memory for the processors that tail it.
     */
    public static EmbeddedEventStore.Builder eventStoreBuilder(EventStorageEngine storageEngine,
                                                               Configuration axonConfiguration,
                                                               EventStoreProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .cachedEvents(properties.cachedEvents())
                .messageMonitor(axonConfiguration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axonConfiguration.getComponent(EventBusSpanFactory.class));
    }

    /**
     * The source of the pooled processors ({@code axon.eventhandling.processors.<name>.source: watchedEventStore}):
     * the event store, with streams that say when events are available.
     */
    @Bean
    public AvailabilityWatchedEvents watchedEventStore(EventStore eventStore, EventStoreProperties properties) {
        return new AvailabilityWatchedEvents(eventStore, properties.availabilityCheck());
    }

    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .ensureIndexes(true)
                .build();
    }

    @Bean
    public SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        // the store creates none itself; every event a saga handles looks its instances up by
        // {sagaType, associations: {key, value}}, an equality on a whole element of the array
        axonMongoTemplate.sagaCollection().createIndex(Indexes.ascending("sagaType", "associations"));
        // and loads, updates and deletes each instance by its identifier
        axonMongoTemplate.sagaCollection().createIndex(Indexes.ascending("sagaIdentifier"),
                new IndexOptions().unique(true));
        return MongoSagaStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }
}
