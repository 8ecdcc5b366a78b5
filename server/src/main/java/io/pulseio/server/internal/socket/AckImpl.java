package io.pulseio.server.internal.socket;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pulseio.protocol.SocketEncoder;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.server.Ack;
import java.util.concurrent.atomic.AtomicBoolean;

/** The answer to one event the client sent with an ack id: sent at most once, from any thread. */
final class AckImpl implements Ack {
    private final ServerSocketImpl socket;
    private final long ackId;
    private final AtomicBoolean sent = new AtomicBoolean();

    AckImpl(ServerSocketImpl socket, long ackId) {
        this.socket = socket;
        this.ackId = ackId;
    }

    @Override
    public void send(Object... args) {
        ArrayNode data = Args.array(args);
        if (sent.compareAndSet(false, true)) {
            socket.deliver(SocketEncoder.encode(SocketPacket.ack(socket.namespaceName(), ackId, data)), false);
            socket.nsp().server().observers.ackSent(socket);
        }
    }

    @Override
    public boolean sent() {
        return sent.get();
    }
}
