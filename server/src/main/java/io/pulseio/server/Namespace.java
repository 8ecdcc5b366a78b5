package io.pulseio.server;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A Socket.IO namespace: its middleware, connection listeners and sockets. As a
 * {@link BroadcastOperator} it sends to all its sockets.
 *
 * <p>A namespace made by {@link SocketIoServer#namespaces} (dynamic) stands for every namespace
 * whose name matches: its middleware and listeners apply to each of them, and it broadcasts to
 * all of them.
 */
public interface Namespace extends BroadcastOperator {
  /** The name, such as {@code /} or {@code /chat}; for a dynamic namespace a description. */
  String name();

  /** Adds a middleware run for each connecting socket, after those added before. */
  Subscription use(Middleware middleware);

  /**
   * Registers a listener for sockets that connected (after the middleware), called on the socket's
   * event loop before any of its events: register the socket's listeners there.
   */
  Subscription onConnection(Consumer<ServerSocket> listener);

  /** The connected sockets. */
  Collection<ServerSocket> sockets();

  /** The connected socket with this id. */
  Optional<ServerSocket> socket(String id);

  /**
   * The adapter that keeps this namespace's rooms, made by {@link ServerOptions#adapter()} (for a
   * dynamic namespace: null; each of its namespaces has its own).
   */
  Adapter adapter();
}
