package io.pulseio.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Watches what a {@link SocketIoServer} does, for monitoring (the Admin UI instrumentation,
 * metrics): Engine.IO sessions and their messages, namespaces, room changes and events sent.
 * Register one with {@link SocketIoServer#observe}; every method does nothing by default.
 *
 * <p>Threads: the session, room, ack-reply, ack-timeout, overflow and rejection methods are called
 * on the event loop of the connection they concern; {@link #eventSent} and {@link #ackSent} on the
 * thread that emits or answers (any thread), {@link #namespaceCreated} on the thread that made the
 * namespace. Several threads call an observer at once: it must be
 * thread-safe, return quickly and never block. An exception it throws is logged and goes no
 * further. Nothing is called after the observer's subscription is closed, except calls already
 * under way.
 *
 * <p>Costs: with no observer registered the server does no extra work; with one, each message
 * in or out costs a call (and, for text, counting its UTF-8 bytes).
 */
public interface ServerObserver {
    /**
     * A namespace exists: {@code /}, one made with {@link SocketIoServer#namespace}, or one of a
     * dynamic namespace made when a client first asked for it. Registering the observer reports
     * every namespace that exists at that moment (a namespace being made at the same time may be
     * reported twice).
     */
    default void namespaceCreated(Namespace namespace) {}

    /**
     * A child of a dynamic namespace was removed: its last client left (see {@link
     * ServerOptions#cleanupEmptyChildNamespaces()}). A client asking for the name again makes a new
     * one, reported by {@link #namespaceCreated}.
     */
    default void namespaceRemoved(Namespace namespace) {}

    /** An Engine.IO session opened (its transport is the first one). */
    default void sessionOpened(EngineSocket session) {}

    /** A session switched from HTTP long-polling to WebSocket. */
    default void sessionUpgraded(EngineSocket session) {}

    /** A session closed; called once, last for that session. */
    default void sessionClosed(EngineSocket session, DisconnectReason reason) {}

    /**
     * One Engine.IO message arrived (a Socket.IO packet, or one binary attachment of it).
     *
     * @param bytes its size: UTF-8 bytes of a text message, the length of a binary one
     */
    default void messageReceived(EngineSocket session, int bytes) {}

    /** One Engine.IO message was handed to a session to send; {@code bytes} as above. */
    default void messageSent(EngineSocket session, int bytes) {}

    /**
     * A socket entered a room it was not in: its own room when it connects, a {@code join}, a
     * {@code socketsJoin}. Reported by the built-in in-memory adapter, and by every adapter that
     * keeps its local rooms in one (the Redis adapters do); another adapter reports nothing.
     */
    default void roomJoined(Namespace namespace, String room, String socketId) {}

    /** A socket left a room (a {@code leave}, a {@code socketsLeave}, or every room on disconnect). */
    default void roomLeft(Namespace namespace, String room, String socketId) {}

    /**
     * An event is being sent to one socket of this server: by {@code emit} on the socket, or by a
     * broadcast that reaches it (once per receiving socket).
     *
     * @param args its arguments, unmodifiable (with connection state recovery on, a broadcast's
     *     last argument is its offset)
     */
    default void eventSent(ServerSocket socket, String event, List<JsonNode> args) {}

    /**
     * An ack was sent to a client: the answer to one of its events that asked for one ({@code
     * Ack.send}, at most once per event). On the thread that answers (any thread).
     */
    default void ackSent(ServerSocket socket) {}

    /**
     * A client answered, in time, an event sent to it with an ack id ({@code emitWithAck} on the
     * socket, or a broadcast's {@code emitWithAck} reaching it). A late answer is not reported.
     */
    default void ackReceived(ServerSocket socket) {}

    /** An event sent to this socket with an ack id got no answer within its timeout. */
    default void ackTimedOut(ServerSocket socket) {}

    /**
     * A session is being closed because more than {@code maxOutboundBufferSize} bytes were queued
     * for its client; {@link #sessionClosed} follows (its reason: transport error).
     */
    default void outboundOverflowed(EngineSocket session) {}

    /**
     * The server refused what a client sent ({@link RejectedInput} says what).
     *
     * @param session the client's session, or null when the refusal concerns none (an HTTP-level
     *     refusal: a handshake, an unknown session id, a timeout, the connection limit...)
     */
    default void inputRejected(EngineSocket session, RejectedInput kind) {}
}
