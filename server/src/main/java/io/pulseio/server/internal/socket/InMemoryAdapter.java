package io.pulseio.server.internal.socket;

import io.pulseio.protocol.SocketPacket;
import io.pulseio.server.AckReply;
import io.pulseio.server.Adapter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Rooms and broadcasts of one namespace in this process, written against the public
 * {@link Adapter.Context} alone: it keeps socket ids by room and hands packets to the context.
 */
public final class InMemoryAdapter implements Adapter {
  private final Context context;
  private final ConcurrentHashMap<String, Set<String>> rooms = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Set<String>> socketRooms = new ConcurrentHashMap<>();

  public InMemoryAdapter(Context context) {
    this.context = context;
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
      return Set.copyOf(socketRooms.keySet());
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
    return new HashSet<>(select(options));
  }

  @Override
  public void broadcast(SocketPacket packet, BroadcastOptions options) {
    context.send(packet, select(options), options.volatileOnly());
  }

  @Override
  public void broadcastWithAck(SocketPacket packet, BroadcastOptions options, Duration timeout,
      IntConsumer clientCount, Consumer<AckReply> reply) {
    clientCount.accept(context.sendWithAck(packet, select(options), timeout, reply));
  }

  /** The ids the options select, each once. */
  private Collection<String> select(BroadcastOptions options) {
    Set<String> excluded = options.except().isEmpty() ? Set.of() : sockets(options.except());
    if (options.rooms().isEmpty()) {
      if (excluded.isEmpty()) {
        return socketRooms.keySet();
      }
      List<String> out = new ArrayList<>(socketRooms.size());
      for (String id : socketRooms.keySet()) {
        if (!excluded.contains(id)) {
          out.add(id);
        }
      }
      return out;
    }
    Set<String> seen = options.rooms().size() > 1 ? new HashSet<>() : null;
    List<String> out = new ArrayList<>();
    for (String room : options.rooms()) {
      Set<String> members = rooms.get(room);
      if (members == null) {
        continue;
      }
      for (String id : members) {
        if ((seen == null || seen.add(id)) && !excluded.contains(id)) {
          out.add(id);
        }
      }
    }
    return out;
  }
}
