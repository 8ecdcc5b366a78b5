package io.pulseio.server.internal.socket;

import io.netty.channel.EventLoopGroup;
import io.pulseio.server.DisconnectReason;
import io.pulseio.server.EngineServer;
import io.pulseio.server.Namespace;
import io.pulseio.server.ServerObserver;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import io.pulseio.server.Subscription;
import io.pulseio.server.internal.engine.EngineServerImpl;
import io.pulseio.server.internal.engine.EngineSession;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Socket.IO server: namespaces over an Engine.IO server, one connection per session. */
public final class SocketIoServerImpl implements SocketIoServer {
  private static final Logger LOG = LoggerFactory.getLogger(SocketIoServerImpl.class);
  final ServerOptions options;
  private final EngineServerImpl engine;
  private final ConcurrentHashMap<String, NamespaceImpl> namespaces = new ConcurrentHashMap<>();
  private final List<DynamicNamespace> dynamic = new CopyOnWriteArrayList<>();
  private final ConcurrentHashMap<ClientConnection, Boolean> clients = new ConcurrentHashMap<>();
  final Observers observers = new Observers();
  private volatile boolean closed;

  public SocketIoServerImpl(ServerOptions options, EventLoopGroup loops) {
    this.options = options;
    this.engine = new EngineServerImpl(options, loops);
    try {
      namespace("/");
    } catch (RuntimeException | Error e) {
      engine.close(); // the adapter factory failed: release the event loops made above
      throw e;
    }
    engine.onConnection(socket -> {
      EngineSession session = (EngineSession) socket;
      ClientConnection client = new ClientConnection(this, session);
      clients.put(client, Boolean.TRUE);
      if (observers.any()) {
        observers.each(o -> o.sessionOpened(session));
      }
      session.listen(new io.pulseio.server.EngineSocket.Listener() {
        @Override
        public void onMessage(String text) {
          observers.received(session, text);
          client.onMessage(text);
        }

        @Override
        public void onBinary(byte[] data) {
          observers.received(session, data);
          client.onBinary(data);
        }

        @Override
        public void onUpgrade() {
          if (observers.any()) {
            observers.each(o -> o.sessionUpgraded(session));
          }
        }

        @Override
        public void onClose(DisconnectReason reason) {
          clients.remove(client);
          client.onClose(reason);
          observers.sessionClosed(session, reason);
        }
      });
    });
  }

  String newId() {
    return engine.newId();
  }

  ScheduledExecutorService scheduler() {
    return engine.scheduler();
  }

  @Override
  public int start() {
    return engine.start();
  }

  @Override
  public Namespace namespace(String name) {
    String normalized = name.startsWith("/") ? name : "/" + name;
    NamespaceImpl[] made = new NamespaceImpl[1];
    NamespaceImpl nsp = namespaces.computeIfAbsent(normalized,
        n -> made[0] = new NamespaceImpl(this, n, null));
    if (made[0] != null) {
      observers.namespaceCreated(made[0]);
    }
    return nsp;
  }

  @Override
  public Subscription observe(ServerObserver observer) {
    Subscription subscription = observers.add(observer);
    for (NamespaceImpl nsp : namespaces.values()) {
      try {
        observer.namespaceCreated(nsp);
      } catch (RuntimeException e) {
        LOG.warn("server observer {} failed", observer, e);
      }
    }
    return subscription;
  }

  @Override
  public Namespace namespaces(Predicate<String> names) {
    DynamicNamespace parent = new DynamicNamespace(this, names);
    dynamic.add(parent);
    return parent;
  }

  /** The namespace a client asks for: a fixed one, or a new child of a matching dynamic one. */
  NamespaceImpl lookup(String name) {
    NamespaceImpl fixed = namespaces.get(name);
    if (fixed != null) {
      return fixed;
    }
    for (DynamicNamespace parent : dynamic) {
      boolean matches;
      try {
        matches = parent.names.test(name);
      } catch (RuntimeException e) {
        matches = false;
      }
      if (matches) {
        NamespaceImpl[] made = new NamespaceImpl[1];
        NamespaceImpl child;
        try {
          child = namespaces.computeIfAbsent(name, n -> {
            made[0] = new NamespaceImpl(this, n, parent);
            return made[0];
          });
        } catch (RuntimeException e) {
          LOG.warn("cannot make namespace {}", name, e);
          return null;
        }
        if (made[0] != null) {
          parent.children.add(made[0]);
          observers.namespaceCreated(made[0]);
        }
        return child;
      }
    }
    return null;
  }

  @Override
  public EngineServer engine() {
    return engine;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    CountDownLatch done = new CountDownLatch(clients.size());
    for (ClientConnection client : clients.keySet()) {
      client.execute(() -> {
        try {
          client.closeSockets(DisconnectReason.SERVER_SHUTTING_DOWN);
        } finally {
          done.countDown();
        }
      });
    }
    try {
      done.await(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (NamespaceImpl nsp : namespaces.values()) {
      try {
        nsp.adapter().close();
      } catch (RuntimeException e) {
        LOG.warn("adapter of {} failed to close", nsp.name(), e);
      }
    }
    engine.close();
  }
}
