package io.pulseio.client;

/**
 * An emit was refused because the socket was not connected and its send buffer already held
 * {@link ClientOptions#sendBufferSize()} packets. The packet was not sent and will not be.
 */
public final class SendBufferFullException extends SocketIoException {
    private static final long serialVersionUID = 1L;

    public SendBufferFullException(int capacity) {
        super("send buffer full (" + capacity + " packets)");
    }
}
