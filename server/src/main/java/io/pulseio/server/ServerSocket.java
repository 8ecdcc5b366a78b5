package io.pulseio.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * One client's connection to one namespace.
 *
 * <p>Lives on one event loop thread: listeners are called there, one at a time, and none after the
 * disconnect listeners. The methods may be called from any thread; emits from one thread keep
 * their order.
 */
public interface ServerSocket {
    /** The socket id (also the name of the room it is always in). */
    String id();

    /**
     * The id of the Engine.IO session that carries this socket, shared by the sockets of one client
     * connection in several namespaces (socket.io's {@code socket.conn.id}). It lets a client poll
     * that session: show it to no one but operators.
     */
    String connectionId();

    /** The namespace it connected to. */
    Namespace namespace();

    SocketHandshake handshake();

    /** True until it disconnects. */
    boolean connected();

    /** True when connection state recovery restored this socket (same id, rooms, missed events). */
    boolean recovered();

    /**
     * What the application keeps with this socket (socket.io's {@code socket.data}): shown to
     * other servers by {@code fetchSockets} and kept by connection state recovery. Thread-safe;
     * no null keys or values. Starts empty, or with the recovered session's values.
     */
    ConcurrentMap<String, JsonNode> data();

    /** The transport in use now. */
    Transport transport();

    /**
     * Emits an event to this client.
     *
     * @param args Jackson {@code JsonNode}s, {@code byte[]}, or values Jackson can convert
     * @throws IllegalArgumentException for a reserved event name or an argument that is not JSON
     */
    void emit(String event, Object... args);

    /** Emits an event only if the transport can take it right now. */
    void emitVolatile(String event, Object... args);

    /**
     * Emits an event asking for an acknowledgement; the future completes with the client's answer,
     * or fails with {@link AckTimeoutException} after {@code timeout}, or with
     * {@link IllegalStateException} when the socket disconnects first.
     */
    CompletableFuture<List<JsonNode>> emitWithAck(Duration timeout, String event, Object... args);

    /** Listens to one event. */
    Subscription on(String event, EventListener listener);

    /** Listens to every event. */
    Subscription onAny(AnyEventListener listener);

    /** Listens to the disconnection (called once, last). */
    Subscription onDisconnect(Consumer<DisconnectReason> listener);

    void join(String... rooms);

    void leave(String room);

    /** The rooms it is in (its own id included). */
    Set<String> rooms();

    /** Broadcasts to the rooms' sockets, leaving this socket out. */
    BroadcastOperator to(String... rooms);

    /** Broadcasts to every other socket of the namespace. */
    BroadcastOperator broadcast();

    /**
     * Runs {@code task} on this socket's event loop, the thread its listeners are called on, in a
     * later turn: never inline, even when called on that loop, so the task runs after the one running
     * now and after whatever the loop already had queued, letting reads and writes go in between
     * (as Node's {@code setImmediate}). Tasks given from one thread run in the order given, one at a
     * time, on the same thread as the socket's listeners, so they may share state with them without
     * locks. {@code socket::execute} is an {@link java.util.concurrent.Executor}.
     *
     * <p>A task runs only if the socket is still connected when its turn comes; otherwise it is
     * dropped without being called: one given after the socket disconnected, one still queued when it
     * disconnects, one given before it connected (in middleware), and any once the server's event
     * loops are shutting down. So nothing of a socket runs after its disconnect listeners. An
     * exception the task throws is logged and goes no further. May be called from any thread.
     *
     * @throws NullPointerException if {@code task} is null
     */
    void execute(Runnable task);

    /**
     * Disconnects from the namespace (DISCONNECT packet, {@code server namespace disconnect});
     * with {@code close}, also closes the underlying connection and its other namespaces.
     */
    void disconnect(boolean close);
}
