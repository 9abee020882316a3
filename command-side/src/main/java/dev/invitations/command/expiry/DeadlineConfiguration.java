package dev.invitations.command.expiry;

import com.mongodb.client.MongoClient;
import dev.invitations.eventstore.DeadlineProperties;
import dev.invitations.eventstore.MongoDeadlineManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Deadlines (an invitation's expiry, the next attempt at its email) kept in MongoDB, so that they fire after a
 * restart and, with several command-side instances, in one of them.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    static final String COLLECTION = "deadlines";

    @Bean
    MongoDeadlineManager deadlineManager(MongoClient client, MongoProperties mongo, Serializer serializer,
                                         ObjectProvider<org.axonframework.config.Configuration> axon,
                                         DeadlineProperties properties, Clock clock) {
        // Axon's configuration is built after this bean; the sagas a deadline is for are looked up when it fires
        ScopeAwareProvider sagas = scope ->
                new ConfigurationScopeAwareProvider(axon.getObject()).provideScopeAwareStream(scope);
        return new MongoDeadlineManager(client.getDatabase(mongo.getMongoClientDatabase()).getCollection(COLLECTION),
                sagas, serializer, properties, clock);
    }
}
