package io.pulseio.client.internal;

import io.pulseio.client.Ack;
import java.util.concurrent.atomic.AtomicBoolean;

/** The answer to one server event that asked for an ack: sent once, from any thread. */
final class AckImpl implements Ack {
    private final SocketImpl socket;
    private final long ackId;
    private final AtomicBoolean sent = new AtomicBoolean();

    AckImpl(SocketImpl socket, long ackId) {
        this.socket = socket;
        this.ackId = ackId;
    }

    @Override
    public void send(Object... args) {
        if (sent.get()) {
            return;
        }
        Outgoing answer = socket.encodeAck(ackId, args);
        if (sent.compareAndSet(false, true)) {
            socket.submitAck(answer);
        }
    }

    @Override
    public boolean sent() {
        return sent.get();
    }

    @Override
    public String toString() {
        return "Ack[" + socket.namespace() + " #" + ackId + (sent.get() ? ", sent]" : "]");
    }
}
