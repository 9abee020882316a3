package dev.invitations.personaldata;

import com.mongodb.client.MongoClient;
import dev.invitations.api.invitation.InvitationUpcasters;
import dev.invitations.eventstore.FetchedEventsListener;
import dev.invitations.security.secrets.RequiredSecrets;
import org.axonframework.eventhandling.EventData;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;

import java.time.Clock;

/**
 * Both sides' wiring of the invitation events' stored form: the key store, the events' serializer that encrypts and
 * decrypts the personal fields under it (Axon's own event serializer backs off when this one exists), and the
 * upcasters that read the revisions earlier releases stored.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = AxonAutoConfiguration.class)
@EnableConfigurationProperties(PersonalDataProperties.class)
public class PersonalDataConfiguration {

    @Bean
    DataKeys dataKeys(MongoClient client, MongoProperties mongo, PersonalDataProperties properties,
                      RequiredSecrets secrets, Clock clock) {
        byte[] subjectHashKey = secrets.require("invitations.personal-data-secret",
                "INVITATIONS_PERSONAL_DATA_SECRET", properties.personalDataSecret());
        return new DataKeys(client.getDatabase(mongo.getMongoClientDatabase()), subjectHashKey, clock,
                properties.personalDataKeyCache());
    }

    /** Checked before anything reads or writes events: the application does not start on such a store. */
    @Bean
    PlaintextHistoryCheck plaintextHistoryCheck(MongoTemplate axonMongoTemplate) {
        var check = new PlaintextHistoryCheck(axonMongoTemplate.eventCollection());
        check.requireEncryptedHistory();
        return check;
    }

    /** Axon's Spring Boot support adds every upcaster bean to the event store's upcaster chain. */
    @Bean
    InvitationUpcasters invitationUpcasters() {
        return new InvitationUpcasters();
    }

    /** Axon's general serializer (Jackson, {@code axon.serializer.general}) does the rest of the work. */
    @Bean
    @Qualifier("eventSerializer")
    @DependsOn("plaintextHistoryCheck")
    PersonalDataSerializer eventSerializer(Serializer serializer, DataKeys keys) {
        if (!(serializer instanceof JacksonSerializer jackson)) {
            throw new IllegalStateException("personal data needs axon.serializer.general: jackson, not "
                    + serializer.getClass().getName());
        }
        return new PersonalDataSerializer(jackson, keys);
    }

    /**
     * Reads the data keys of each batch of events a processor fetched in one query, before the events are
     * deserialized one by one: a rebuild of the views would otherwise read one key per person.
     */
    @Bean
    FetchedEventsListener dataKeysOfFetchedEvents(PersonalDataSerializer eventSerializer) {
        return batch -> eventSerializer.readKeysOf(batch.stream().map(EventData::getPayload).toList());
    }
}
