package io.pulseio.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One namespace of a {@link SocketIoClient}: all namespaces share the client's one connection.
 * Get it with {@link SocketIoClient#socket(String)}; it starts disconnected.
 *
 * <p><b>Threads.</b> Every method may be called from any thread and never blocks. Emit methods
 * turn their arguments into JSON on the calling thread, then hand the packet to the connection's
 * event loop; packets emitted from one thread are sent in the order of the calls. Listeners and
 * futures complete on the client's callback executor ({@link ClientOptions#callbackExecutor()}).
 *
 * <p><b>Arguments.</b> Event arguments are any JSON-able values: Jackson {@code JsonNode}s,
 * {@code byte[]} (anywhere inside maps, lists and records too: sent as binary attachments), or
 * any object the Jackson mapper converts (records, beans, maps, lists, strings, numbers, booleans,
 * null). A value that cannot be converted fails the call with {@link IllegalArgumentException}.
 * Event names must be non-empty and not one of Socket.IO's reserved names ({@code connect},
 * {@code connect_error}, {@code disconnect}, {@code disconnecting}, {@code newListener},
 * {@code removeListener}): those are rejected with {@link IllegalArgumentException}.
 *
 * <p><b>Nulls.</b> Event names, listeners and durations must not be null
 * ({@link NullPointerException}); a null argument inside {@code args} is sent as JSON null.
 *
 * <p><b>Buffering.</b> Emits made while the socket is not connected (before the first connect,
 * while reconnecting, after a disconnect) wait in a send buffer of at most
 * {@link ClientOptions#sendBufferSize()} packets and are sent, in order, right after the next
 * CONNECT. An emit that finds the buffer full is not sent: {@link #emitWithAck} fails its future
 * with {@link SendBufferFullException}; {@link #emit} reports it to
 * {@link SocketListener#onEmitFailed}. Nothing is dropped silently, except volatile emits.
 */
public interface Socket {
    /**
     * The event names Socket.IO keeps for itself ({@code connect}, {@code connect_error},
     * {@code disconnect}, {@code disconnecting}, {@code newListener}, {@code removeListener}): emit and on
     * refuse them.
     */
    java.util.Set<String> RESERVED_EVENTS = java.util.Set.of(
            "connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    /** The namespace, e.g. {@code "/"} or {@code "/admin"}. */
    String namespace();

    /** The client this socket belongs to. */
    SocketIoClient client();

    /**
     * Joins the namespace: opens the client's connection if needed, then sends CONNECT with the
     * client's auth. Returns at once; {@link SocketListener#onConnect} or
     * {@link SocketListener#onConnectError} tells how it went. Does nothing when already
     * connected or connecting. After this the socket rejoins by itself after every reconnection,
     * until {@link #disconnect()}, a server DISCONNECT or a CONNECT_ERROR.
     *
     * @return this socket
     */
    Socket connect();

    /**
     * Leaves the namespace (sends DISCONNECT when connected; listeners get
     * {@link DisconnectReason#IO_CLIENT_DISCONNECT}) and stops rejoining. When no socket of the
     * client wants to be connected any more, the client closes its connection (it reopens on the
     * next {@link #connect()}). Emits waiting for an ack fail with {@link SocketIoException}.
     *
     * @return this socket
     */
    Socket disconnect();

    /** True while the namespace is joined. */
    boolean connected();

    /**
     * True when the socket is joined or wants to be (it was connected and was not disconnected by
     * the application, the server or a CONNECT_ERROR): such a socket rejoins after a reconnection.
     */
    boolean active();

    /** The socket id the server gave in its CONNECT answer, or null when not connected. */
    String id();

    /**
     * True when the last CONNECT restored the previous session (connection state recovery: the
     * server kept the session and replayed the events missed meanwhile).
     */
    boolean recovered();

    /**
     * The offset of the last event received, when the server has connection state recovery on (it
     * then appends an offset to the events it may replay; this client removes it from the
     * listener's arguments), else null. Sent back in the CONNECT auth when reconnecting.
     */
    String lastOffset();

    /**
     * Emits an event. Without retries it is sent at most once; with
     * {@link ClientOptions#retries()} {@code > 0} it asks for an ack and is resent until
     * acknowledged (at least once), one packet in flight at a time.
     *
     * @throws IllegalArgumentException for a reserved or empty event name or an argument that is
     *     not JSON-able
     */
    void emit(String event, Object... args);

    /**
     * Emits an event asking for an acknowledgement, with the client's
     * {@link ClientOptions#ackTimeout()} (no timeout when that is null).
     *
     * @return completes with the ack's arguments (unmodifiable), or fails with
     *     {@link AckTimeoutException}, {@link SendBufferFullException}, or {@link SocketIoException}
     *     when the socket disconnected while waiting (retries on: only after every try) or the
     *     client was closed. Completes on the callback executor (stages attached after it completed
     *     run on the attaching thread, as always with {@code CompletableFuture}).
     */
    CompletableFuture<List<JsonNode>> emitWithAck(String event, Object... args);

    /**
     * Like {@link #emitWithAck(String, Object...)} with its own timeout (counted from the call,
     * including time spent in the send buffer; with retries, per try).
     *
     * @param timeout positive
     */
    CompletableFuture<List<JsonNode>> emitWithAck(Duration timeout, String event, Object... args);

    /**
     * Emits an event that is dropped, silently, unless the socket is connected and the transport
     * can write at once (for frequent updates where only the latest matters). Never buffered,
     * never retried.
     */
    void volatileEmit(String event, Object... args);

    /**
     * Listens to one event. Listeners of the same event are called in the order they were added.
     *
     * @throws IllegalArgumentException for a reserved or empty event name
     */
    Subscription on(String event, EventListener listener);

    /** Listens to every incoming event, before the listeners of the specific event. */
    Subscription onAny(AnyListener listener);

    /** Listens to every outgoing event, when it is handed to the connection. */
    Subscription onAnyOutgoing(AnyListener listener);

    /**
     * Listens to every outgoing event, run on {@code executor} instead of the client's callback
     * executor: {@code Runnable::run} runs it on the connection's event loop thread right after the
     * event was handed to the connection, where it must be quick and never block (a tracer, a
     * counter). Listeners given the same executor are called in the order they were added, after the
     * listeners of {@link #onAnyOutgoing(AnyListener)} were handed to theirs.
     */
    Subscription onAnyOutgoing(AnyListener listener, java.util.concurrent.Executor executor);

    /** Listens to connect, disconnect, connect errors and failed emits of this socket. */
    Subscription addListener(SocketListener listener);
}
