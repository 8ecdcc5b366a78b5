package io.pulseio.server;

import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A Socket.IO v5 server (Engine.IO v4 underneath) on Netty.
 *
 * <p>Thread-safe. Each client connection lives on one event loop thread of the server; every
 * listener of that connection is called there. {@link #close()} disconnects every socket
 * ({@code server shutting down}) and, when the server made its own event loops, stops them.
 */
public interface SocketIoServer extends AutoCloseable {
    /** A server with its own event loops. */
    static SocketIoServer create(ServerOptions options) {
        return Implementations.socketIoServer(options, null);
    }

    /** A server on shared event loops, which it does not stop. */
    static SocketIoServer create(ServerOptions options, EventLoops loops) {
        return Implementations.socketIoServer(options, loops.group());
    }

    /**
     * Binds and starts serving; returns the bound port.
     *
     * @throws java.io.UncheckedIOException when the port cannot be bound or TLS files not read
     */
    int start();

    /**
     * The namespace with this name: the one that exists now (a fixed one, or a child of a {@link
     * #namespaces dynamic namespace} that clients are in), else a new fixed one ({@code /} always
     * exists). A fixed namespace keeps its listeners and middlewares for the server's lifetime and
     * takes a name away from every dynamic namespace, so ask for one only to serve that name
     * yourself; to reach the clients of a dynamic namespace's child, use {@link #findNamespace}.
     */
    Namespace namespace(String name);

    /**
     * The namespace with this name if it exists now (a fixed one, or a child of a dynamic namespace
     * that clients are in); never makes one. A child is removed once its clients have left (see
     * {@link ServerOptions#cleanupEmptyChildNamespaces()}), so look it up again rather than keeping
     * it.
     */
    Optional<Namespace> findNamespace(String name);

    /** The main namespace {@code /}. */
    default Namespace sockets() {
        return namespace("/");
    }

    /** A dynamic namespace: clients may connect to any name that {@code names} accepts. */
    Namespace namespaces(Predicate<String> names);

    /** A dynamic namespace for the names that match {@code pattern} entirely. */
    default Namespace namespaces(Pattern pattern) {
        return namespaces(name -> pattern.matcher(name).matches());
    }

    /**
     * Registers an observer of sessions, messages, namespaces, rooms and sent events (see
     * {@link ServerObserver} for its threads); it is told at once of every namespace that exists.
     * Closing the subscription unregisters it.
     *
     * @throws NullPointerException if {@code observer} is null
     */
    Subscription observe(ServerObserver observer);

    /** The underlying Engine.IO server (for its session count, say). */
    EngineServer engine();

    /** Disconnects everyone and stops listening. Idempotent; waits up to 5 seconds. */
    @Override
    void close();
}
