package io.pulseio.client;

/**
 * The lifecycle of a {@link SocketIoClient}'s connection (the Engine.IO session shared by all its
 * sockets) and of its reconnection. Every method does nothing by default.
 *
 * <p>Called on the client's callback executor, in order (when that executor is serial). Nothing is
 * called after {@link SocketIoClient#close()} returns, except calls already under way.
 */
public interface ClientListener {
    /** The connection opened (handshake done), before any namespace is joined. */
    default void onOpen(Transport transport) {}

    /** The transport changed, e.g. from polling to WebSocket after an upgrade. */
    default void onTransport(Transport transport) {}

    /**
     * The connection closed or could not be opened.
     *
     * @param reason Socket.IO's wording ({@code "transport close"}, {@code "ping timeout"},
     *     {@code "forced close"} when the client closed it, ...)
     * @param cause the underlying failure, or null
     */
    default void onClose(String reason, Throwable cause) {}

    /** A reconnection attempt starts now; {@code attempt} counts from 1. */
    default void onReconnectAttempt(int attempt) {}

    /** Reconnected after {@code attempt} attempts. Sockets then join their namespaces again. */
    default void onReconnect(int attempt) {}

    /** A reconnection attempt failed; another follows unless the attempt limit is reached. */
    default void onReconnectError(Throwable error) {}

    /** The attempt limit was reached: the client stops trying. {@link Socket#connect()} restarts. */
    default void onReconnectFailed() {}
}
