package io.pulseio.server.internal.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.SocketEncoder;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.protocol.SocketPacketType;
import io.pulseio.server.Adapter;
import io.pulseio.server.Adapter.BroadcastOptions;
import io.pulseio.server.BroadcastOperator;
import io.pulseio.server.ConnectionRefusedException;
import io.pulseio.server.Middleware;
import io.pulseio.server.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One namespace: admits sockets through its middleware (and its dynamic parent's), keeps the
 * connected ones and broadcasts through its adapter.
 */
final class NamespaceImpl extends BaseNamespace {
  private static final Logger LOG = LoggerFactory.getLogger(NamespaceImpl.class);

  private final SocketIoServerImpl server;
  private final String name;
  private final DynamicNamespace parent;
  final ConcurrentHashMap<String, ServerSocketImpl> socketsById = new ConcurrentHashMap<>();
  private final RecoveryStore recovery;
  private final Adapter adapter;
  private final AtomicLong ackIds = new AtomicLong();
  private final BroadcastOperator all;

  NamespaceImpl(SocketIoServerImpl server, String name, DynamicNamespace parent) {
    this.server = server;
    this.name = name;
    this.parent = parent;
    Duration keep = server.options.maxDisconnectionDuration();
    this.recovery = keep == null ? null
        : new RecoveryStore(keep.toMillis(), System::currentTimeMillis, server.newId() + "-");
    Adapter made = server.options.adapter().create(new LocalDelivery(this));
    if (made == null) {
      throw new IllegalStateException(
          "the adapter factory returned null for namespace " + name);
    }
    this.adapter = made;
    this.all = new BroadcastOperatorImpl(server, () -> List.of(this), Set.of(), Set.of(), false);
  }

  SocketIoServerImpl server() {
    return server;
  }

  long nextAckId() {
    return ackIds.getAndIncrement();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Adapter adapter() {
    return adapter;
  }

  /** The recovery store, or null when connection state recovery is off. */
  RecoveryStore recovery() {
    return recovery;
  }

  /**
   * Broadcasts through the adapter. With connection state recovery on, a replayable event first
   * gets an offset as its last argument and is stored, whatever the adapter.
   */
  void broadcast(SocketPacket packet, BroadcastOptions options) {
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
    adapter.broadcast(toSend, options);
  }

  @Override
  public Collection<ServerSocket> sockets() {
    return List.copyOf(socketsById.values());
  }

  @Override
  public Optional<ServerSocket> socket(String id) {
    return Optional.ofNullable(socketsById.get(id));
  }

  // ---- admission (on the client's loop) ----

  void add(ClientConnection client, ObjectNode auth) {
    RecoveryStore.Restored restored = null;
    if (recovery != null) {
      JsonNode pid = auth.get("pid");
      JsonNode offset = auth.get("offset");
      if (pid != null && pid.isTextual() && offset != null && offset.isTextual()) {
        restored = recovery.restore(pid.textValue(), offset.textValue());
      }
    }
    ServerSocketImpl socket = new ServerSocketImpl(this, client, auth, restored);
    if (restored != null && server.options.recoverySkipsMiddlewares()) {
      admit(client, socket, restored);
      return;
    }
    List<Middleware> chain = new ArrayList<>();
    if (parent != null) {
      chain.addAll(parent.middlewares);
    }
    chain.addAll(middlewares);
    runMiddleware(client, socket, chain, 0, restored);
  }

  private void runMiddleware(ClientConnection client, ServerSocketImpl socket,
      List<Middleware> chain, int index, RecoveryStore.Restored restored) {
    if (!client.isOpen()) {
      return;
    }
    if (index == chain.size()) {
      admit(client, socket, restored);
      return;
    }
    CompletionStage<Void> stage;
    try {
      stage = chain.get(index).check(socket);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    if (stage == null) {
      stage = CompletableFuture.completedFuture(null);
    }
    stage.whenComplete((ok, error) -> client.execute(() -> {
      if (error != null) {
        refuse(client, error);
      } else {
        runMiddleware(client, socket, chain, index + 1, restored);
      }
    }));
  }

  private void refuse(ClientConnection client, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (!client.isOpen()) {
      return;
    }
    client.refused(name);
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("message", cause.getMessage() == null ? cause.getClass().getSimpleName()
        : cause.getMessage());
    if (cause instanceof ConnectionRefusedException refused && refused.data() != null) {
      payload.set("data", refused.data());
    }
    client.write(SocketEncoder.encode(SocketPacket.connectError(name, payload)), false);
  }

  private void admit(ClientConnection client, ServerSocketImpl socket,
      RecoveryStore.Restored restored) {
    client.added(socket);
    socketsById.put(socket.id(), socket);
    socket.onConnected(restored);
    List<Consumer<ServerSocket>> listeners = new ArrayList<>();
    if (parent != null) {
      listeners.addAll(parent.connectionListeners);
    }
    listeners.addAll(connectionListeners);
    for (Consumer<ServerSocket> listener : listeners) {
      if (!socket.connected()) {
        return;
      }
      try {
        listener.accept(socket);
      } catch (RuntimeException e) {
        LOG.warn("connection listener of {} failed", name, e);
      }
    }
  }

  void removed(ServerSocketImpl socket) {
    socketsById.remove(socket.id(), socket);
  }

  @Override
  BroadcastOperator all() {
    return all;
  }

  @Override
  public String toString() {
    return "Namespace[" + name + "]";
  }
}
