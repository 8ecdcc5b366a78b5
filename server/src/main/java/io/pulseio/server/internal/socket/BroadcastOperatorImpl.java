package io.pulseio.server.internal.socket;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.server.AckReply;
import io.pulseio.server.Adapter.BroadcastOptions;
import io.pulseio.server.BroadcastOperator;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** An immutable selection of rooms over one namespace (or all children of a dynamic one). */
final class BroadcastOperatorImpl implements BroadcastOperator {
  private final SocketIoServerImpl server;
  private final Supplier<List<NamespaceImpl>> namespaces;
  private final Set<String> rooms;
  private final Set<String> except;
  private final boolean volatileOnly;

  BroadcastOperatorImpl(SocketIoServerImpl server, Supplier<List<NamespaceImpl>> namespaces,
      Set<String> rooms, Set<String> except, boolean volatileOnly) {
    this.server = server;
    this.namespaces = namespaces;
    this.rooms = rooms;
    this.except = except;
    this.volatileOnly = volatileOnly;
  }

  @Override
  public BroadcastOperator to(String... more) {
    return new BroadcastOperatorImpl(server, namespaces, plus(rooms, more), except, volatileOnly);
  }

  @Override
  public BroadcastOperator except(String... more) {
    return new BroadcastOperatorImpl(server, namespaces, rooms, plus(except, more), volatileOnly);
  }

  @Override
  public BroadcastOperator volatileOnly() {
    return new BroadcastOperatorImpl(server, namespaces, rooms, except, true);
  }

  private BroadcastOptions options() {
    return new BroadcastOptions(rooms, except, volatileOnly);
  }

  @Override
  public void emit(String event, Object... args) {
    ArrayNode data = Args.event(event, args);
    BroadcastOptions options = options();
    for (NamespaceImpl nsp : namespaces.get()) {
      nsp.broadcast(SocketPacket.event(nsp.name(), data, SocketPacket.NO_ACK), options);
    }
  }

  @Override
  public CompletableFuture<List<AckReply>> emitWithAck(Duration timeout, String event,
      Object... args) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    ArrayNode data = Args.event(event, args);
    BroadcastOptions options = options();
    List<NamespaceImpl> targets = namespaces.get();
    AckCollector collector = new AckCollector(Math.max(1, targets.size()));
    collector.startTimer(server.scheduler(), timeout.toMillis());
    if (targets.isEmpty()) {
      collector.reached(0);
    }
    for (NamespaceImpl nsp : targets) {
      SocketPacket packet = SocketPacket.event(nsp.name(), data, nsp.nextAckId());
      nsp.adapter().broadcastWithAck(packet, options, timeout, collector::reached,
          collector::reply);
    }
    return collector.future;
  }

  @Override
  public Set<String> socketIds() {
    Set<String> ids = new HashSet<>();
    for (NamespaceImpl nsp : namespaces.get()) {
      ids.addAll(nsp.adapter().targets(options()));
    }
    return ids;
  }

  @Override
  public void disconnectSockets(boolean close) {
    for (NamespaceImpl nsp : namespaces.get()) {
      for (String id : nsp.adapter().targets(options())) {
        nsp.socket(id).ifPresent(s -> s.disconnect(close));
      }
    }
  }

  private static Set<String> plus(Set<String> set, String[] more) {
    Set<String> out = new LinkedHashSet<>(set);
    for (String room : more) {
      if (room == null) {
        throw new IllegalArgumentException("room must not be null");
      }
      out.add(room);
    }
    return Set.copyOf(out);
  }
}
