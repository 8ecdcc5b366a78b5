package io.pulseio.client;

/**
 * A failure of the client: why an emit did not reach the server or got no answer (the failure
 * of an {@link Socket#emitWithAck} future, or what {@link SocketListener#onEmitFailed} reports),
 * or why a connection attempt failed ({@link ClientListener#onReconnectError}: a message that
 * starts with {@code "timeout: "}, or the transport's reason and its cause in plain words, as
 * {@link SocketListener#onConnectError} describes).
 *
 * <p>The subclasses name the two failures worth telling apart: {@link AckTimeoutException} and
 * {@link SendBufferFullException}. This class itself is used when the socket was disconnected
 * while waiting for an acknowledgement ({@code "socket has been disconnected"}) or when the client
 * was closed ({@code "client closed"}).
 */
public class SocketIoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SocketIoException(String message) {
        super(message);
    }

    public SocketIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
