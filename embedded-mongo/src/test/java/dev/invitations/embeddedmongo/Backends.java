package dev.invitations.embeddedmongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** A server on either backend, for the tests that must hold on both. */
final class Backends {

    private Backends() {
    }

    /** In memory, or durable in a new temporary directory. */
    static EmbeddedMongoServer server(boolean durable) {
        if (!durable) {
            return EmbeddedMongoServer.inMemory();
        }
        try {
            return EmbeddedMongoServer.durable(Files.createTempDirectory("embedded-mongo").resolve("data.mv.db"),
                    "127.0.0.1", 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
