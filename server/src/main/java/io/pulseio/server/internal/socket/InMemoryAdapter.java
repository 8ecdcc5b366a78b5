package io.pulseio.server.internal.socket;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.pulseio.protocol.EncodedPacket;
import io.pulseio.protocol.SocketEncoder;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.protocol.SocketPacketType;
import io.pulseio.server.AckReply;
import io.pulseio.server.Adapter;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Rooms and broadcasts of one namespace in this process. Broadcast packets are encoded once and
 * handed to each receiver's event loop. With connection state recovery on, replayable events get
 * an offset as last argument and are stored.
 */
final class InMemoryAdapter implements Adapter {
  private static final long DEFAULT_ACK_HORIZON_MILLIS = 60_000;
  private final NamespaceImpl nsp;
  private final RecoveryStore recovery;
  private final ConcurrentHashMap<String, Set<String>> rooms = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Set<String>> socketRooms = new ConcurrentHashMap<>();

  InMemoryAdapter(NamespaceImpl nsp, RecoveryStore recovery) {
    this.nsp = nsp;
    this.recovery = recovery;
  }

  /** The recovery store, or null when recovery is off. */
  RecoveryStore recovery() {
    return recovery;
  }

  @Override
  public void addAll(String socketId, Set<String> add) {
    Set<String> mine = socketRooms.computeIfAbsent(socketId, k -> ConcurrentHashMap.newKeySet(2));
    for (String room : add) {
      mine.add(room);
      rooms.computeIfAbsent(room, k -> ConcurrentHashMap.newKeySet(2)).add(socketId);
    }
  }

  @Override
  public void del(String socketId, String room) {
    Set<String> mine = socketRooms.get(socketId);
    if (mine != null) {
      mine.remove(room);
    }
    removeFromRoom(socketId, room);
  }

  @Override
  public void delAll(String socketId) {
    Set<String> mine = socketRooms.remove(socketId);
    if (mine != null) {
      for (String room : mine) {
        removeFromRoom(socketId, room);
      }
    }
  }

  private void removeFromRoom(String socketId, String room) {
    rooms.computeIfPresent(room, (k, members) -> {
      members.remove(socketId);
      return members.isEmpty() ? null : members;
    });
  }

  @Override
  public Set<String> socketRooms(String socketId) {
    Set<String> mine = socketRooms.get(socketId);
    return mine == null ? Set.of() : Set.copyOf(mine);
  }

  @Override
  public Set<String> sockets(Set<String> wanted) {
    if (wanted.isEmpty()) {
      return Set.copyOf(nsp.socketsById.keySet());
    }
    Set<String> out = new HashSet<>();
    for (String room : wanted) {
      Set<String> members = rooms.get(room);
      if (members != null) {
        out.addAll(members);
      }
    }
    return out;
  }

  @Override
  public Set<String> targets(BroadcastOptions options) {
    Set<String> out = new HashSet<>();
    forEachTarget(options, s -> out.add(s.id()));
    return out;
  }

  @Override
  public void broadcast(SocketPacket packet, BroadcastOptions options) {
    SocketPacket toSend = packet;
    if (recovery != null && packet.type() == SocketPacketType.EVENT && !packet.hasAckId()
        && !options.volatileOnly()) {
      String offset = recovery.nextOffset();
      ArrayNode data = JsonNodeFactory.instance.arrayNode(packet.data().size() + 1);
      data.addAll((ArrayNode) packet.data());
      data.add(offset);
      recovery.store(offset, options, data);
      toSend = new SocketPacket(packet.type(), packet.namespace(), packet.ackId(), data);
    }
    EncodedPacket encoded = SocketEncoder.encode(toSend);
    forEachTarget(options, socket -> socket.deliver(encoded, options.volatileOnly()));
  }

  @Override
  public void broadcastWithAck(SocketPacket packet, BroadcastOptions options,
      IntConsumer clientCount, Consumer<AckReply> reply) {
    broadcastWithAck(packet, options, DEFAULT_ACK_HORIZON_MILLIS, clientCount, reply);
  }

  /** As above; each socket forgets its pending ack after {@code timeoutMillis}. */
  void broadcastWithAck(SocketPacket packet, BroadcastOptions options, long timeoutMillis,
      IntConsumer clientCount, Consumer<AckReply> reply) {
    EncodedPacket encoded = SocketEncoder.encode(packet);
    int[] count = {0};
    forEachTarget(options, socket -> {
      count[0]++;
      socket.deliverExpectingAck(encoded, packet.ackId(), timeoutMillis, reply);
    });
    clientCount.accept(count[0]);
  }

  private void forEachTarget(BroadcastOptions options, Consumer<ServerSocketImpl> action) {
    Set<String> excluded = options.except().isEmpty() ? Set.of() : sockets(options.except());
    if (options.rooms().isEmpty()) {
      for (ServerSocketImpl socket : nsp.socketsById.values()) {
        if (!excluded.contains(socket.id())) {
          action.accept(socket);
        }
      }
      return;
    }
    Set<String> seen = options.rooms().size() > 1 ? new HashSet<>() : null;
    for (String room : options.rooms()) {
      Set<String> members = rooms.get(room);
      if (members == null) {
        continue;
      }
      for (String id : members) {
        if ((seen == null || seen.add(id)) && !excluded.contains(id)) {
          ServerSocketImpl socket = nsp.socketsById.get(id);
          if (socket != null) {
            action.accept(socket);
          }
        }
      }
    }
  }
}
