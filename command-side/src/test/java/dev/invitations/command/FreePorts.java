package dev.invitations.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports of this machine that nothing listens on. */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port that was free a moment ago: a server can bind it, and connecting to it is refused until one does. */
    public static int unused() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
