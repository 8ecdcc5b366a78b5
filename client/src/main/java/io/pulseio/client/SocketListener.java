package io.pulseio.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The lifecycle of one {@link Socket} (one namespace). Every method does nothing by default.
 *
 * <p>Called on the client's callback executor, in the order things happened (when that executor
 * is serial). After {@link SocketIoClient#close()} has delivered the final
 * {@link #onDisconnect}, nothing more is called.
 */
public interface SocketListener {
    /**
     * The namespace was joined: the server answered CONNECT. Called after the first connect and
     * after every reconnection. Buffered emits have been handed to the connection just before.
     */
    default void onConnect() {}

    /**
     * A connected socket was disconnected. With reconnection on, the socket joins again by itself
     * unless {@code reason} is {@link DisconnectReason#IO_SERVER_DISCONNECT} or
     * {@link DisconnectReason#IO_CLIENT_DISCONNECT} (see {@link DisconnectReason#reconnects()}).
     */
    default void onDisconnect(DisconnectReason reason) {}

    /**
     * Joining the namespace failed.
     *
     * <ul>
     *   <li>The server refused it (CONNECT_ERROR, e.g. a middleware's {@code next(err)}):
     *       {@code message} and {@code data} are the server's ({@code data} null when absent). The
     *       socket does not retry: call {@link Socket#connect()} again.
     *   <li>The connection could not be opened or the server did not answer within the connect
     *       timeout: {@code message} starts with {@code "timeout: "} and says what timed out after
     *       how long (e.g. {@code "timeout: the connection to localhost:3000 did not open within
     *       20 s (connect timeout)"}), or is the transport's failure in plain words (e.g.
     *       {@code "transport error: Connection refused: 127.0.0.1:3000"}, {@code "transport
     *       error: the server's certificate is not trusted …"}); {@code data} is null. With
     *       reconnection on, the client keeps trying.
     * </ul>
     */
    default void onConnectError(String message, JsonNode data) {}

    /**
     * An emit without a future ({@link Socket#emit}) will not be delivered: the send buffer was
     * full ({@link SendBufferFullException}), or with retries on, no ack came after every try
     * ({@link AckTimeoutException}). Failed {@link Socket#emitWithAck} calls fail their future
     * instead and are not reported here.
     *
     * @param event the event name of the packet given up
     * @param error why
     */
    default void onEmitFailed(String event, SocketIoException error) {}
}
