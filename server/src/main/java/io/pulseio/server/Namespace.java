package io.pulseio.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A Socket.IO namespace: its middleware, connection listeners and sockets. As a
 * {@link BroadcastOperator} it sends to all its sockets.
 *
 * <p>A namespace made by {@link SocketIoServer#namespaces} (dynamic) stands for every namespace
 * whose name matches: its middleware and listeners apply to each of them, and it broadcasts to
 * all of them.
 */
public interface Namespace extends BroadcastOperator {
    /** The name, such as {@code /} or {@code /chat}; for a dynamic namespace a description. */
    String name();

    /** Adds a middleware run for each connecting socket, after those added before. */
    Subscription use(Middleware middleware);

    /**
     * Registers a listener for sockets that connected (after the middleware), called on the socket's
     * event loop before any of its events: register the socket's listeners there.
     */
    Subscription onConnection(Consumer<ServerSocket> listener);

    /**
     * Sends an event to the other servers of the cluster, to their listeners for this namespace
     * ({@link #onServerSideEmit} here, {@code io.on(event, ...)} on a Node.js server); nothing
     * happens with the in-memory adapter. Binary arguments do not survive the classic Redis adapter.
     *
     * @throws IllegalArgumentException for a reserved event name or an argument that is not JSON
     * @throws UnsupportedOperationException on a dynamic namespace
     */
    void serverSideEmit(String event, Object... args);

    /**
     * Sends an event to the other servers and collects one answer from each; fails with
     * {@link AckTimeoutException} (holding the answers received) when not all answered within
     * {@code timeout}. Completes with an empty list when there is no other server.
     *
     * @throws UnsupportedOperationException on a dynamic namespace
     */
    CompletableFuture<List<JsonNode>> serverSideEmitWithAck(Duration timeout, String event, Object... args);

    /**
     * Listens to the events other servers send with {@code serverSideEmit}; on a dynamic
     * namespace, to those of each of its namespaces.
     */
    Subscription onServerSideEmit(ServerSideListener listener);

    /**
     * How many servers serve this namespace, this one included (1 with the in-memory adapter).
     *
     * @throws UnsupportedOperationException on a dynamic namespace
     */
    CompletableFuture<Integer> serverCount();

    /** The connected sockets. */
    Collection<ServerSocket> sockets();

    /** The connected socket with this id. */
    Optional<ServerSocket> socket(String id);

    /**
     * The adapter that keeps this namespace's rooms, made by {@link ServerOptions#adapter()} (for a
     * dynamic namespace: null; each of its namespaces has its own).
     */
    Adapter adapter();
}
