package io.pulseio.server.internal.socket;

import io.pulseio.protocol.EncodedPacket;
import io.pulseio.protocol.SocketEncoder;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.server.AckReply;
import io.pulseio.server.Adapter;
import java.time.Duration;
import java.util.Collection;
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
  public int send(SocketPacket packet, Collection<String> socketIds, boolean volatileOnly) {
    checkNamespace(packet);
    EncodedPacket encoded = SocketEncoder.encode(packet);
    int reached = 0;
    for (String id : socketIds) {
      ServerSocketImpl socket = nsp.socketsById.get(id);
      if (socket != null) {
        socket.deliver(encoded, volatileOnly);
        reached++;
      }
    }
    return reached;
  }

  @Override
  public int sendWithAck(SocketPacket packet, Collection<String> socketIds, Duration timeout,
      Consumer<AckReply> reply) {
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
        socket.deliverExpectingAck(encoded, packet.ackId(), millis, reply);
        reached++;
      }
    }
    return reached;
  }

  private void checkNamespace(SocketPacket packet) {
    if (!packet.namespace().equals(nsp.name())) {
      throw new IllegalArgumentException("packet is for namespace " + packet.namespace()
          + ", not " + nsp.name());
    }
  }
}
