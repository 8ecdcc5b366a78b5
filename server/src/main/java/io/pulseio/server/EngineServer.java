package io.pulseio.server;

import java.util.function.Consumer;

/**
 * An Engine.IO v4 server without the Socket.IO layer: sessions over HTTP long-polling and
 * WebSocket, upgrades, heartbeats and payload limits.
 *
 * <p>Thread-safe. {@link #close()} closes every session and, when the server made its own event
 * loops, stops their threads.
 */
public interface EngineServer extends AutoCloseable {
    /** A server with its own event loops ({@link ServerOptions#ioThreads()} threads). */
    static EngineServer create(ServerOptions options) {
        return Implementations.engineServer(options, null);
    }

    /** A server on shared event loops, which it does not stop on close. */
    static EngineServer create(ServerOptions options, EventLoops loops) {
        return Implementations.engineServer(options, loops.group());
    }

    /**
     * Registers a listener for new sessions, called on the new session's thread before any of its
     * messages is delivered: attach the session's {@link EngineSocket.Listener} there.
     */
    Subscription onConnection(Consumer<EngineSocket> listener);

    /**
     * Binds and starts serving; returns the bound port (a free one when the options say 0).
     *
     * @throws java.io.UncheckedIOException when the port cannot be bound or TLS files not read
     * @throws IllegalStateException when started twice or after close
     */
    int start();

    /** The number of open sessions. */
    int sessionCount();

    /** Closes every session and stops listening. Idempotent; waits up to 5 seconds. */
    @Override
    void close();
}
