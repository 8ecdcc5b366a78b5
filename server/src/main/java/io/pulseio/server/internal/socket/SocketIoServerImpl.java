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
import java.util.Optional;
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
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.server");
    final ServerOptions options;
    private final EngineServerImpl engine;
    private final ConcurrentHashMap<String, NamespaceImpl> namespaces = new ConcurrentHashMap<>();
    private final List<DynamicNamespace> dynamic = new CopyOnWriteArrayList<>();
    private final ConcurrentHashMap<ClientConnection, Boolean> clients = new ConcurrentHashMap<>();
    final Observers observers = new Observers();
    private final Object childLock = new Object();
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
        engine.onRejected(observers::inputRejected);
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
                    if (session.outboxOverflowed()) {
                        observers.outboundOverflowed(session);
                    }
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
        String normalized = normalize(name);
        NamespaceImpl existing = namespaces.get(normalized);
        if (existing != null) {
            return existing;
        }
        synchronized (childLock) {
            NamespaceImpl[] made = new NamespaceImpl[1];
            NamespaceImpl nsp = namespaces.computeIfAbsent(normalized, n -> made[0] = new NamespaceImpl(this, n, null));
            if (made[0] != null) {
                observers.namespaceCreated(made[0]);
            }
            return nsp;
        }
    }

    @Override
    public Optional<Namespace> findNamespace(String name) {
        return Optional.ofNullable(namespaces.get(normalize(name)));
    }

    private static String normalize(String name) {
        return name.startsWith("/") ? name : "/" + name;
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

    /**
     * The namespace a client asks for: a fixed one, or a child of a matching dynamic one (made if
     * needed); null when none. A child is held for the asking connection until {@link #release}.
     */
    NamespaceImpl lookup(String name) {
        NamespaceImpl fixed = namespaces.get(name);
        if (fixed != null && fixed.parent() == null) {
            return fixed;
        }
        synchronized (childLock) {
            NamespaceImpl found = namespaces.get(name);
            if (found == null) {
                found = makeChild(name);
            }
            if (found != null && found.parent() != null) {
                found.users++;
            }
            return found;
        }
    }

    private NamespaceImpl makeChild(String name) {
        for (DynamicNamespace parent : dynamic) {
            boolean matches;
            try {
                matches = parent.names.test(name);
            } catch (RuntimeException e) {
                matches = false;
            }
            if (matches) {
                NamespaceImpl child;
                try {
                    child = new NamespaceImpl(this, name, parent);
                } catch (RuntimeException e) {
                    LOG.warn("cannot make namespace {}", name, e);
                    return null;
                }
                namespaces.put(name, child);
                parent.children.add(child);
                observers.namespaceCreated(child);
                return child;
            }
        }
        return null;
    }

    /**
     * A connection left a namespace it got from {@link #lookup} (refused, disconnected, closed);
     * a child of a dynamic namespace nobody uses any more is removed when
     * {@code cleanupEmptyChildNamespaces} is on.
     */
    void release(NamespaceImpl nsp) {
        if (nsp.parent() == null) {
            return;
        }
        synchronized (childLock) {
            if (--nsp.users > 0 || !options.cleanupEmptyChildNamespaces()) {
                return;
            }
            namespaces.remove(nsp.name(), nsp);
            nsp.parent().children.remove(nsp);
        }
        observers.namespaceRemoved(nsp);
        try {
            nsp.adapter().close();
        } catch (RuntimeException e) {
            LOG.warn("adapter of {} failed to close", nsp.name(), e);
        }
    }

    /** The namespaces the server keeps now (fixed ones and children of dynamic ones). */
    public int namespaceCount() {
        return namespaces.size();
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
