package io.pulseio.server.internal.socket;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.protocol.EncodedPacket;
import io.pulseio.protocol.SocketEncoder;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.server.AckReply;
import io.pulseio.server.Adapter;
import io.pulseio.server.RemoteSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/** What an adapter reaches of its namespace: the sockets connected to this server. */
final class LocalDelivery implements Adapter.Context {
    private final NamespaceImpl nsp;

    LocalDelivery(NamespaceImpl nsp) {
        this.nsp = nsp;
    }

    @Override
    public String namespace() {
        return nsp.name();
    }

    @Override
    public Optional<Duration> connectionStateRecovery() {
        return Optional.ofNullable(nsp.server().options.maxDisconnectionDuration());
    }

    @Override
    public long nextAckId() {
        return nsp.nextAckId();
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return nsp.server().scheduler();
    }

    @Override
    public int send(SocketPacket packet, Collection<String> socketIds, boolean volatileOnly) {
        checkNamespace(packet);
        EncodedPacket encoded = SocketEncoder.encode(packet);
        int reached = 0;
        for (String id : socketIds) {
            ServerSocketImpl socket = nsp.socketsById.get(id);
            if (socket != null) {
                nsp.server().observers.eventSent(socket, packet);
                socket.deliver(encoded, volatileOnly);
                reached++;
            }
        }
        return reached;
    }

    @Override
    public int sendWithAck(
            SocketPacket packet, Collection<String> socketIds, Duration timeout, Consumer<AckReply> reply) {
        checkNamespace(packet);
        if (!packet.hasAckId()) {
            throw new IllegalArgumentException("packet must carry an ack id");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        EncodedPacket encoded = SocketEncoder.encode(packet);
        long millis = timeout.toMillis();
        int reached = 0;
        for (String id : socketIds) {
            ServerSocketImpl socket = nsp.socketsById.get(id);
            if (socket != null) {
                nsp.server().observers.eventSent(socket, packet);
                socket.deliverExpectingAck(encoded, packet.ackId(), millis, reply);
                reached++;
            }
        }
        return reached;
    }

    @Override
    public void disconnect(Collection<String> socketIds, boolean close) {
        for (String id : List.copyOf(socketIds)) {
            ServerSocketImpl socket = nsp.socketsById.get(id);
            if (socket != null) {
                socket.disconnect(close);
            }
        }
    }

    @Override
    public List<RemoteSocket> describe(Collection<String> socketIds) {
        List<RemoteSocket> out = new ArrayList<>(socketIds.size());
        for (String id : socketIds) {
            ServerSocketImpl socket = nsp.socketsById.get(id);
            if (socket != null) {
                out.add(socket.snapshot());
            }
        }
        return out;
    }

    @Override
    public void serverSideEvent(List<JsonNode> packet, Consumer<JsonNode> ack) {
        if (packet.isEmpty() || !packet.get(0).isTextual()) {
            throw new IllegalArgumentException("a server-side event must start with its name, was " + packet);
        }
        nsp.onServerSideEvent(
                packet.get(0).textValue(),
                List.copyOf(packet.subList(1, packet.size())),
                ack == null ? null : new ServerSideAck(ack));
    }

    void roomJoined(String room, String socketId) {
        nsp.server().observers.roomJoined(nsp, room, socketId);
    }

    void roomLeft(String room, String socketId) {
        nsp.server().observers.roomLeft(nsp, room, socketId);
    }

    private void checkNamespace(SocketPacket packet) {
        if (!packet.namespace().equals(nsp.name())) {
            throw new IllegalArgumentException("packet is for namespace " + packet.namespace() + ", not " + nsp.name());
        }
    }
}
