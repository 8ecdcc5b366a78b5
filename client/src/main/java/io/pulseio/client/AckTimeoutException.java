package io.pulseio.client;

/**
 * No acknowledgement arrived within the ack timeout (after every retry, when retries are on).
 * Message: {@code "operation has timed out"}, as in Socket.IO.
 */
public final class AckTimeoutException extends SocketIoException {
    private static final long serialVersionUID = 1L;

    public AckTimeoutException() {
        super("operation has timed out");
    }
}
