package io.pulseio.server;

import io.pulseio.protocol.SocketPacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * An adapter written against the public API alone: rooms in two plain maps under one lock,
 * delivery through the {@link Adapter.Context}, and every call the server makes written down.
 */
class RecordingAdapter implements Adapter {
  final Context context;
  final List<String> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Set<String>> roomsBySocket = new HashMap<>();
  private final Map<String, Set<String>> socketsByRoom = new HashMap<>();

  RecordingAdapter(Context context) {
    this.context = context;
  }

  /** Whether a call starting with {@code prefix} was made, waiting up to 5 seconds for it. */
  boolean awaitCall(String prefix) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      if (calls.stream().anyMatch(c -> c.startsWith(prefix))) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }

  @Override
  public synchronized void addAll(String socketId, Set<String> rooms) {
    calls.add("addAll " + socketId + " " + new TreeSet<>(rooms));
    roomsBySocket.computeIfAbsent(socketId, k -> new HashSet<>()).addAll(rooms);
    for (String room : rooms) {
      socketsByRoom.computeIfAbsent(room, k -> new HashSet<>()).add(socketId);
    }
  }

  @Override
  public synchronized void del(String socketId, String room) {
    calls.add("del " + socketId + " " + room);
    Set<String> rooms = roomsBySocket.get(socketId);
    if (rooms != null) {
      rooms.remove(room);
    }
    Set<String> members = socketsByRoom.get(room);
    if (members != null) {
      members.remove(socketId);
    }
  }

  @Override
  public synchronized void delAll(String socketId) {
    calls.add("delAll " + socketId);
    Set<String> rooms = roomsBySocket.remove(socketId);
    for (String room : rooms == null ? Set.<String>of() : rooms) {
      socketsByRoom.get(room).remove(socketId);
    }
  }

  @Override
  public synchronized Set<String> socketRooms(String socketId) {
    return Set.copyOf(roomsBySocket.getOrDefault(socketId, Set.of()));
  }

  @Override
  public synchronized Set<String> sockets(Set<String> rooms) {
    if (rooms.isEmpty()) {
      return Set.copyOf(roomsBySocket.keySet());
    }
    Set<String> out = new HashSet<>();
    for (String room : rooms) {
      out.addAll(socketsByRoom.getOrDefault(room, Set.of()));
    }
    return out;
  }

  @Override
  public synchronized Set<String> targets(BroadcastOptions options) {
    Set<String> out = new LinkedHashSet<>(sockets(options.rooms()));
    if (!options.except().isEmpty()) {
      out.removeAll(sockets(options.except()));
    }
    return out;
  }

  @Override
  public void broadcast(SocketPacket packet, BroadcastOptions options) {
    calls.add("broadcast " + describe(options) + " " + packet.data());
    context.send(packet, new ArrayList<>(targets(options)), options.volatileOnly());
  }

  @Override
  public void broadcastWithAck(SocketPacket packet, BroadcastOptions options, Duration timeout,
      IntConsumer clientCount, Consumer<AckReply> reply) {
    calls.add("broadcastWithAck " + describe(options) + " " + packet.data());
    clientCount.accept(context.sendWithAck(packet, targets(options), timeout, reply));
  }

  @Override
  public void close() {
    calls.add("close");
  }

  private static String describe(BroadcastOptions options) {
    return "to" + new TreeSet<>(options.rooms()) + " except" + new TreeSet<>(options.except())
        + (options.volatileOnly() ? " volatile" : "");
  }
}
