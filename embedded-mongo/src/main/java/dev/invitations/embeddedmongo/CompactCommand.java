package dev.invitations.embeddedmongo;

import de.bwaldvogel.mongo.bson.Document;

/**
 * MongoDB's {@code compact} command ({@code {compact: <collection>}}), which mongo-java-server does not know. A
 * durable backend rewrites its whole file on it; the in-memory one has no file and answers at once.
 */
final class CompactCommand {

    static final String NAME = "compact";

    private CompactCommand() {
    }

    static Document answer(long bytesFreed) {
        var answer = new Document("bytesFreed", bytesFreed);
        answer.put("ok", 1.0);
        return answer;
    }
}
