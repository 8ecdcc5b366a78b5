package io.pulseio.server.internal.socket;

import io.pulseio.server.AckReply;
import io.pulseio.server.Adapter;
import io.pulseio.server.BroadcastOperator;
import io.pulseio.server.Middleware;
import io.pulseio.server.Namespace;
import io.pulseio.server.ServerSocket;
import io.pulseio.server.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Namespaces made on demand for the names a predicate accepts; its middleware and connection
 * listeners apply to each of them, and it broadcasts to all of them.
 */
final class DynamicNamespace implements Namespace {
  final Predicate<String> names;
  final List<Middleware> middlewares = new CopyOnWriteArrayList<>();
  final List<Consumer<ServerSocket>> connectionListeners = new CopyOnWriteArrayList<>();
  final List<NamespaceImpl> children = new CopyOnWriteArrayList<>();
  private final BroadcastOperator all;

  DynamicNamespace(SocketIoServerImpl server, Predicate<String> names) {
    this.names = names;
    this.all = new BroadcastOperatorImpl(server, () -> children, Set.of(), Set.of(), false);
  }

  @Override
  public String name() {
    return "dynamic" + children.stream().map(NamespaceImpl::name).toList();
  }

  @Override
  public Subscription use(Middleware middleware) {
    middlewares.add(middleware);
    return () -> middlewares.remove(middleware);
  }

  @Override
  public Subscription onConnection(Consumer<ServerSocket> listener) {
    connectionListeners.add(listener);
    return () -> connectionListeners.remove(listener);
  }

  @Override
  public Collection<ServerSocket> sockets() {
    List<ServerSocket> out = new ArrayList<>();
    children.forEach(c -> out.addAll(c.sockets()));
    return out;
  }

  @Override
  public Optional<ServerSocket> socket(String id) {
    for (NamespaceImpl child : children) {
      Optional<ServerSocket> s = child.socket(id);
      if (s.isPresent()) {
        return s;
      }
    }
    return Optional.empty();
  }

  @Override
  public Adapter adapter() {
    return null;
  }

  @Override
  public BroadcastOperator to(String... rooms) {
    return all.to(rooms);
  }

  @Override
  public BroadcastOperator except(String... rooms) {
    return all.except(rooms);
  }

  @Override
  public BroadcastOperator volatileOnly() {
    return all.volatileOnly();
  }

  @Override
  public void emit(String event, Object... args) {
    all.emit(event, args);
  }

  @Override
  public CompletableFuture<List<AckReply>> emitWithAck(Duration timeout, String event,
      Object... args) {
    return all.emitWithAck(timeout, event, args);
  }

  @Override
  public Set<String> socketIds() {
    return all.socketIds();
  }

  @Override
  public void disconnectSockets(boolean close) {
    all.disconnectSockets(close);
  }
}
