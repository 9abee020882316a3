package dev.invitations.command.admin;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Compacts the storage, so that data replaced or deleted (an erased person's, for one) leaves the files on disk.
 * It runs MongoDB's {@code compact} on each collection of the database: the embedded server rewrites its one file
 * on the first and has nothing left to do on the others; a real MongoDB compacts each collection (its backups and
 * oplog are the operator's, see docs/operations.md).
 */
@RestController
class StorageCompactionController {

    private final MongoTemplate mongo;

    StorageCompactionController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostMapping("/admin/storage:compact")
    Compaction compact() {
        long bytesFreed = 0;
        int collections = 0;
        for (String collection : mongo.getCollectionNames()) {
            Number freed = mongo.executeCommand(new Document("compact", collection)).get("bytesFreed", Number.class);
            bytesFreed += freed == null ? 0 : freed.longValue();
            collections++;
        }
        return new Compaction(collections, bytesFreed);
    }

    /** What a compaction did: how many collections it compacted and how many bytes the files shrank by. */
    record Compaction(int collections, long bytesFreed) {
    }
}
