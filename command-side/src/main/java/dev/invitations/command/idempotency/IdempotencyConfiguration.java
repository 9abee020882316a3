package dev.invitations.command.idempotency;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/** Lets MongoDB drop idempotency records after their retention (the embedded server ignores TTL indexes). */
@Configuration
class IdempotencyConfiguration {

    IdempotencyConfiguration(MongoTemplate mongo, IdempotencyProperties properties) {
        mongo.indexOps(IdempotentRequests.COLLECTION).ensureIndex(new Index("createdAt", Sort.Direction.ASC)
                .expire(properties.retention()));
    }
}
