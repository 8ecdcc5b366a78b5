package io.pulseio.server.internal.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.util.concurrent.ScheduledFuture;
import io.pulseio.protocol.EncodedPacket;
import io.pulseio.protocol.SocketEncoder;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.protocol.SocketPacketType;
import io.pulseio.server.Ack;
import io.pulseio.server.AckReply;
import io.pulseio.server.AckTimeoutException;
import io.pulseio.server.Adapter.BroadcastOptions;
import io.pulseio.server.Adapter.RestoredSession;
import io.pulseio.server.Adapter.Session;
import io.pulseio.server.AnyEventListener;
import io.pulseio.server.BroadcastOperator;
import io.pulseio.server.DisconnectReason;
import io.pulseio.server.EventListener;
import io.pulseio.server.Namespace;
import io.pulseio.server.RemoteSocket;
import io.pulseio.server.ServerSocket;
import io.pulseio.server.SocketHandshake;
import io.pulseio.server.Subscription;
import io.pulseio.server.Transport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's socket in one namespace. Its listeners and pending acks are confined to the
 * connection's event loop; public methods hop there when called elsewhere.
 */
final class ServerSocketImpl implements ServerSocket {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.server");

    private final NamespaceImpl nsp;
    private final ClientConnection client;
    private final String id;
    private final String pid;
    private final SocketHandshake handshake;
    private final boolean recovered;
    /** Made at the first {@link #data()} (most sockets never use it: 64 bytes of each idle connection). */
    private volatile ConcurrentHashMap<String, JsonNode> data;

    private static final java.lang.invoke.VarHandle DATA;

    static {
        try {
            DATA = java.lang.invoke.MethodHandles.lookup()
                    .findVarHandle(ServerSocketImpl.class, "data", ConcurrentHashMap.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile boolean connected;
    private Map<String, List<EventListener>> listeners;
    private List<AnyEventListener> anyListeners;
    private List<Consumer<DisconnectReason>> disconnectListeners;
    private final PendingAcks acks = new PendingAcks();

    ServerSocketImpl(NamespaceImpl nsp, ClientConnection client, ObjectNode auth, RestoredSession restored) {
        this.nsp = nsp;
        this.client = client;
        this.recovered = restored != null;
        this.id = restored != null ? restored.session().sid() : nsp.server().newId();
        this.pid = restored != null
                ? restored.session().pid()
                : nsp.recovers() ? nsp.server().newId() : null;
        if (restored != null && !restored.session().data().isEmpty()) {
            data().putAll(restored.session().data());
        }
        var conn = client.conn;
        this.handshake = new SocketHandshake(
                auth, conn.query(), conn.headers(), conn.remoteAddress(), conn.secure(), Instant.now());
    }

    NamespaceImpl nsp() {
        return nsp;
    }

    String namespaceName() {
        return nsp.name();
    }

    @Override
    public String connectionId() {
        return client.conn.id();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Namespace namespace() {
        return nsp;
    }

    @Override
    public SocketHandshake handshake() {
        return handshake;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public boolean recovered() {
        return recovered;
    }

    @Override
    public ConcurrentMap<String, JsonNode> data() {
        ConcurrentHashMap<String, JsonNode> d = data;
        if (d == null) {
            DATA.compareAndSet(this, null, new ConcurrentHashMap<String, JsonNode>());
            d = data;
        }
        return d;
    }

    /** The data without making a map for it. */
    private Map<String, JsonNode> dataSoFar() {
        ConcurrentHashMap<String, JsonNode> d = data;
        return d == null ? Map.of() : d;
    }

    /** What {@code fetchSockets} shows of this socket. */
    RemoteSocket snapshot() {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        dataSoFar().forEach(tree::set);
        return new RemoteSocket(id, handshake, rooms(), tree);
    }

    @Override
    public Transport transport() {
        return client.conn.transport();
    }

    // ---- sending ----

    @Override
    public void emit(String event, Object... args) {
        SocketPacket packet = SocketPacket.event(nsp.name(), Args.event(event, args), SocketPacket.NO_ACK);
        if (nsp.recovers()) {
            // through the adapter, which gives it an offset for recovery (as socket.io does)
            nsp.adapter().broadcast(packet, BroadcastOptions.to(Set.of(id)));
        } else {
            nsp.server().observers.eventSent(this, packet);
            deliver(SocketEncoder.encode(packet), false);
        }
    }

    @Override
    public void emitVolatile(String event, Object... args) {
        SocketPacket packet = SocketPacket.event(nsp.name(), Args.event(event, args), SocketPacket.NO_ACK);
        nsp.server().observers.eventSent(this, packet);
        deliver(SocketEncoder.encode(packet), true);
    }

    @Override
    public CompletableFuture<List<JsonNode>> emitWithAck(Duration timeout, String eventName, Object... args) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        long ackId = nsp.nextAckId();
        SocketPacket event = SocketPacket.event(nsp.name(), Args.event(eventName, args), ackId);
        nsp.server().observers.eventSent(this, event);
        EncodedPacket packet = SocketEncoder.encode(event);
        CompletableFuture<List<JsonNode>> future = new CompletableFuture<>();
        client.execute(() -> {
            if (!connected) {
                future.completeExceptionally(new IllegalStateException("socket " + id + " is not connected"));
                return;
            }
            ScheduledFuture<?> timer = client.conn
                    .loop()
                    .schedule(
                            () -> {
                                if (acks.remove(ackId)) {
                                    nsp.server().observers.ackTimedOut(this);
                                    future.completeExceptionally(
                                            new AckTimeoutException("operation has timed out", List.of()));
                                }
                            },
                            timeout.toMillis(),
                            TimeUnit.MILLISECONDS);
            acks.add(ackId, future::complete, timer, future);
            client.write(packet, false);
        });
        return future;
    }

    /** Sends an already encoded packet if still connected; from any thread. */
    void deliver(EncodedPacket packet, boolean volatileOnly) {
        if (connected) {
            client.write(packet, volatileOnly);
        }
    }

    /** Sends a broadcast packet that asks for an ack, registering where the answer goes. */
    void deliverExpectingAck(EncodedPacket packet, long ackId, long timeoutMillis, Consumer<AckReply> reply) {
        client.execute(() -> {
            if (!connected) {
                return;
            }
            ScheduledFuture<?> timer = client.conn
                    .loop()
                    .schedule(
                            () -> {
                                if (acks.remove(ackId)) {
                                    nsp.server().observers.ackTimedOut(this);
                                }
                            },
                            timeoutMillis,
                            TimeUnit.MILLISECONDS);
            acks.add(ackId, args -> reply.accept(new AckReply(id, args)), timer, null);
            client.write(packet, false);
        });
    }

    // ---- tasks ----

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        try {
            client.conn.loop().execute(() -> runTask(task));
        } catch (RejectedExecutionException e) {
            LOG.debug("socket {}: event loop shutting down, task dropped", id);
        }
    }

    private void runTask(Runnable task) {
        if (!connected) {
            return;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("task on socket {} failed", id, e);
        }
    }

    // ---- listeners ----
    // Each list is immutable and replaced when a listener comes or goes, so that an event is
    // dispatched to the listeners of the moment it arrived without a copy per event.

    private static <T> List<T> plus(List<T> list, T item) {
        if (list == null || list.isEmpty()) {
            return Collections.singletonList(item);
        }
        List<T> out = new ArrayList<>(list.size() + 1);
        out.addAll(list);
        out.add(item);
        return Collections.unmodifiableList(out);
    }

    /** The list without the first element equal to {@code item} (as {@link List#remove(Object)}). */
    private static <T> List<T> minus(List<T> list, T item) {
        int i = list.indexOf(item);
        if (i < 0) {
            return list;
        }
        List<T> out = new ArrayList<>(list);
        out.remove(i);
        return Collections.unmodifiableList(out);
    }

    @Override
    public Subscription on(String event, EventListener listener) {
        client.execute(() -> {
            if (listeners == null) {
                listeners = new HashMap<>(4);
            }
            listeners.put(event, plus(listeners.get(event), listener));
        });
        return () -> client.execute(() -> {
            if (listeners != null && listeners.containsKey(event)) {
                listeners.put(event, minus(listeners.get(event), listener));
            }
        });
    }

    @Override
    public Subscription onAny(AnyEventListener listener) {
        client.execute(() -> {
            anyListeners = plus(anyListeners, listener);
        });
        return () -> client.execute(() -> {
            if (anyListeners != null) {
                anyListeners = minus(anyListeners, listener);
            }
        });
    }

    @Override
    public Subscription onDisconnect(Consumer<DisconnectReason> listener) {
        client.execute(() -> {
            if (disconnectListeners == null) {
                disconnectListeners = new ArrayList<>(1);
            }
            disconnectListeners.add(listener);
        });
        return () -> client.execute(() -> {
            if (disconnectListeners != null) {
                disconnectListeners.remove(listener);
            }
        });
    }

    // ---- rooms ----

    @Override
    public void join(String... rooms) {
        if (connected) {
            nsp.adapter().addAll(id, Set.of(rooms));
            if (!connected) {
                // Disconnected on its loop while this thread joined: the leaving may have run first.
                nsp.adapter().delAll(id);
            }
        }
    }

    @Override
    public void leave(String room) {
        nsp.adapter().del(id, room);
    }

    @Override
    public Set<String> rooms() {
        return nsp.adapter().socketRooms(id);
    }

    @Override
    public BroadcastOperator to(String... rooms) {
        return broadcast().to(rooms);
    }

    @Override
    public BroadcastOperator broadcast() {
        return nsp.except(id);
    }

    // ---- incoming (on the loop) ----

    void onConnected(RestoredSession restored) {
        connected = true;
        Set<String> rooms = new HashSet<>();
        rooms.add(id);
        if (restored != null) {
            rooms.addAll(restored.session().rooms());
        }
        nsp.adapter().addAll(id, rooms);
        ObjectNode reply = JsonNodeFactory.instance.objectNode().put("sid", id);
        if (pid != null) {
            reply.put("pid", pid);
        }
        client.writeConnectReply(SocketEncoder.encode(
                new SocketPacket(SocketPacketType.CONNECT, nsp.name(), SocketPacket.NO_ACK, reply)));
        if (restored != null) {
            for (ArrayNode missed : restored.missed()) {
                client.write(SocketEncoder.encode(SocketPacket.event(nsp.name(), missed, SocketPacket.NO_ACK)), false);
            }
        }
    }

    void onPacket(SocketPacket packet) {
        switch (packet.type()) {
            case EVENT, BINARY_EVENT -> dispatch(packet);
            case ACK, BINARY_ACK -> {
                if (acks.reply(packet)) {
                    nsp.server().observers.ackReceived(this);
                }
            }
            case DISCONNECT -> onClose(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
            default -> LOG.debug("socket {}: unexpected {}", id, packet.type());
        }
    }

    private void dispatch(SocketPacket packet) {
        String event = packet.data().get(0).asText();
        List<JsonNode> args = Args.tail(packet.data(), 1);
        Ack ack = packet.hasAckId() ? new AckImpl(this, packet.ackId()) : null;
        List<EventListener> named = listeners == null ? null : listeners.get(event);
        if (named != null) {
            for (EventListener listener : named) {
                try {
                    listener.onEvent(args, ack);
                } catch (RuntimeException e) {
                    LOG.warn("listener for '{}' on socket {} failed", event, id, e);
                }
            }
        }
        if (anyListeners != null) {
            for (AnyEventListener listener : anyListeners) {
                try {
                    listener.onEvent(event, args, ack);
                } catch (RuntimeException e) {
                    LOG.warn("any-listener on socket {} failed", id, e);
                }
            }
        }
    }

    // ---- disconnecting ----

    @Override
    public void disconnect(boolean close) {
        client.execute(() -> {
            if (!connected) {
                return;
            }
            if (close) {
                client.disconnectAll();
            } else {
                disconnectNow();
            }
        });
    }

    void disconnectNow() {
        if (connected) {
            client.write(SocketEncoder.encode(SocketPacket.disconnect(nsp.name())), false);
            onClose(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
        }
    }

    void onClose(DisconnectReason reason) {
        if (!connected) {
            return;
        }
        if (nsp.recovers() && reason.recoverable()) {
            try {
                nsp.adapter().persistSession(new Session(id, pid, rooms(), dataSoFar()));
            } catch (RuntimeException e) {
                LOG.warn("adapter of {} failed to keep the session of socket {}", nsp.name(), id, e);
            }
        }
        connected = false;
        try {
            nsp.adapter().delAll(id);
        } catch (RuntimeException e) {
            LOG.warn("adapter of {} failed to remove socket {}", nsp.name(), id, e);
        }
        nsp.removed(this);
        client.removed(this);
        acks.failAll(reason.reason());
        List<Consumer<DisconnectReason>> toCall = disconnectListeners;
        listeners = null;
        anyListeners = null;
        disconnectListeners = null;
        if (toCall != null) {
            for (Consumer<DisconnectReason> listener : toCall) {
                try {
                    listener.accept(reason);
                } catch (RuntimeException e) {
                    LOG.warn("disconnect listener on socket {} failed", id, e);
                }
            }
        }
    }
}
