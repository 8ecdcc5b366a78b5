package io.pulseio.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.client.AnyListener;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.DisconnectReason;
import io.pulseio.client.EventListener;
import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import io.pulseio.client.SocketIoException;
import io.pulseio.client.SocketListener;
import io.pulseio.client.Subscription;
import io.pulseio.client.internal.engine.Failures;
import io.pulseio.protocol.SocketPacket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Socket} of one namespace. Its connection state lives on the manager's event loop
 * (every method not marked otherwise runs there); the public methods only encode, register
 * listeners, and hand tasks to the loop. The listener registries are thread-safe.
 */
final class SocketImpl implements Socket {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.client");
    private static final int MAX_EARLY_EVENTS = 10_000;

    private final Manager manager;
    private final String namespace;
    private final ClientOptions options;
    private final Callbacks callbacks;
    private final Listeners listeners = new Listeners();
    private final AtomicLong ackIds = new AtomicLong();
    private final JoinTimer joinTimer;
    private final Emits emits;

    // Read from any thread, written on the loop.
    private volatile boolean active;
    private volatile boolean connected;
    private volatile String id;

    private final Recovery recovery = new Recovery();

    // Loop only.
    /** Events that came before the CONNECT answer (a recovering server replays missed ones first). */
    private final ArrayDeque<SocketPacket> receiveBuffer = new ArrayDeque<>();

    SocketImpl(Manager manager, String namespace, Backoff connectBackoff) {
        this.manager = manager;
        this.namespace = namespace;
        this.options = manager.options();
        this.callbacks = manager.callbacks();
        this.joinTimer = new JoinTimer(manager.loop(), options, connectBackoff);
        this.emits = new Emits(options, manager.loop(), callbacks, () -> connected, this::write, this::fail);
    }

    // ---- public API, any thread ----

    @Override
    public String namespace() {
        return namespace;
    }

    @Override
    public SocketIoClient client() {
        return manager;
    }

    @Override
    public Socket connect() {
        manager.checkNotClosed();
        manager.execute(this::doConnect);
        return this;
    }

    @Override
    public Socket disconnect() {
        manager.execute(this::doDisconnect);
        return this;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public boolean active() {
        return active;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean recovered() {
        return recovery.recovered();
    }

    @Override
    public String lastOffset() {
        return recovery.lastOffset();
    }

    @Override
    public void emit(String event, Object... args) {
        Args.checkEvent(event);
        if (options.retries() > 0) {
            submit(Outgoing.event(
                    this,
                    Outgoing.Kind.QUEUED,
                    event,
                    args,
                    ackIds.getAndIncrement(),
                    null,
                    millis(options.ackTimeout())));
        } else {
            submit(Outgoing.event(this, Outgoing.Kind.NORMAL, event, args, SocketPacket.NO_ACK, null, 0));
        }
    }

    @Override
    public CompletableFuture<List<JsonNode>> emitWithAck(String event, Object... args) {
        return emitWithAck(millis(options.ackTimeout()), event, args);
    }

    @Override
    public CompletableFuture<List<JsonNode>> emitWithAck(Duration timeout, String event, Object... args) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout.toMillis() + " ms");
        }
        return emitWithAck(Math.max(1, timeout.toMillis()), event, args);
    }

    private CompletableFuture<List<JsonNode>> emitWithAck(long timeoutMillis, String event, Object[] args) {
        Args.checkEvent(event);
        CompletableFuture<List<JsonNode>> future = new CompletableFuture<>();
        Outgoing.Kind kind = options.retries() > 0 ? Outgoing.Kind.QUEUED : Outgoing.Kind.NORMAL;
        submit(Outgoing.event(this, kind, event, args, ackIds.getAndIncrement(), future, timeoutMillis));
        return future;
    }

    @Override
    public void volatileEmit(String event, Object... args) {
        Args.checkEvent(event);
        submit(Outgoing.event(this, Outgoing.Kind.VOLATILE, event, args, SocketPacket.NO_ACK, null, 0));
    }

    @Override
    public Subscription on(String event, EventListener listener) {
        return listeners.on(Args.checkEvent(event), listener);
    }

    @Override
    public Subscription onAny(AnyListener listener) {
        return Listeners.add(listeners.anyIncoming, listener);
    }

    @Override
    public Subscription onAnyOutgoing(AnyListener listener) {
        return Listeners.add(listeners.anyOutgoing, listener);
    }

    @Override
    public Subscription onAnyOutgoing(AnyListener listener, java.util.concurrent.Executor executor) {
        java.util.Objects.requireNonNull(listener, "listener");
        java.util.Objects.requireNonNull(executor, "executor");
        return Listeners.add(listeners.anyOutgoingOn, new Listeners.OnExecutor(listener, executor));
    }

    @Override
    public Subscription addListener(SocketListener listener) {
        return Listeners.add(listeners.lifecycle, listener);
    }

    @Override
    public String toString() {
        return "Socket[" + namespace + (connected ? ", connected " + id : active ? ", connecting" : "") + "]";
    }

    /** Encodes an ack's answer on the calling thread (it may throw for arguments that are not JSON). */
    Outgoing encodeAck(long ackId, Object[] args) {
        return Outgoing.ack(this, ackId, args);
    }

    void submitAck(Outgoing ack) {
        submit(ack);
    }

    private void submit(Outgoing out) {
        if (!manager.execute(out)) {
            fail(out, new SocketIoException("client closed"));
        }
    }

    private static long millis(Duration d) {
        return d == null ? 0 : Math.max(1, d.toMillis());
    }

    // ---- event loop ----

    /**
     * Joins, unless joined or joining: a socket whose CONNECT awaits its answer (or whose retry waits
     * out its delay) ignores the call, so that one CONNECT goes out however often connect() is called.
     */
    private void doConnect() {
        if (manager.isClosed() || connected) {
            return;
        }
        active = true;
        if (manager.ensureOpen() && !joinTimer.pending()) {
            onEngineOpen();
        }
    }

    private void doDisconnect() {
        boolean wasConnected = connected;
        if (wasConnected) {
            manager.write(SocketPacket.disconnect(namespace));
        }
        markInactive();
        if (wasConnected) {
            onClose(DisconnectReason.IO_CLIENT_DISCONNECT);
        }
        manager.socketDeactivated();
    }

    /**
     * Stops rejoining. Done before the listeners hear why, so that they see {@code active()} false;
     * then {@link Manager#socketDeactivated()} closes the connection if no socket wants it.
     */
    private void markInactive() {
        active = false;
        receiveBuffer.clear();
        joinTimer.reset();
    }

    boolean isActive() {
        return active;
    }

    /** The connection is open: join the namespace (when active and not joined). */
    void onEngineOpen() {
        if (!active || connected) {
            return;
        }
        manager.write(SocketPacket.connect(namespace, recovery.connectAuth(options.auth())));
        joinTimer.awaitAnswer(this::onConnectTimeout);
    }

    /** The connection could not be opened (or timed out): tell a socket waiting to join. */
    void onEngineOpenFailed(String message) {
        if (active && !connected) {
            emitConnectError(message, null);
        }
    }

    /** The connection closed. */
    void onEngineClose(DisconnectReason reason) {
        joinTimer.cancel();
        receiveBuffer.clear();
        onClose(reason);
    }

    /** The client is being closed for good. */
    void onClientClose() {
        boolean wasConnected = connected;
        if (wasConnected) {
            manager.write(SocketPacket.disconnect(namespace));
        }
        active = false;
        joinTimer.cancel();
        if (wasConnected) {
            onClose(DisconnectReason.IO_CLIENT_DISCONNECT);
        }
        emits.failAll(new SocketIoException("client closed"));
    }

    private void onConnectTimeout() {
        if (!active || connected || !manager.isOpenState()) {
            return;
        }
        emitConnectError(
                "timeout: the server did not answer joining namespace " + namespace + " within "
                        + Failures.duration(options.connectTimeout().toMillis()) + " (connect timeout)",
                null);
        // Undo a join the server may still finish, then try again after a backoff delay.
        manager.write(SocketPacket.disconnect(namespace));
        joinTimer.retryLater(this::onEngineOpen);
    }

    /** A packet for this namespace arrived. */
    void onPacket(SocketPacket packet) {
        switch (packet.type()) {
            case CONNECT -> onConnectPacket(packet.data());
            case EVENT, BINARY_EVENT -> onEvent(packet);
            case ACK, BINARY_ACK -> emits.onAck(packet);
            case DISCONNECT -> {
                markInactive();
                onClose(DisconnectReason.IO_SERVER_DISCONNECT);
                manager.socketDeactivated();
            }
            case CONNECT_ERROR -> {
                markInactive();
                JsonNode data = packet.data();
                if (data != null && data.isObject()) {
                    JsonNode message = data.get("message");
                    emitConnectError(message == null ? "" : message.asText(), data.get("data"));
                } else {
                    emitConnectError(data == null ? "" : data.asText(), null);
                }
                manager.socketDeactivated();
            }
        }
    }

    private void onConnectPacket(JsonNode data) {
        if (!active || connected) {
            return;
        }
        JsonNode sid = data == null ? null : data.get("sid");
        if (sid == null || !sid.isTextual()) {
            emitConnectError("invalid CONNECT answer (a Socket.IO v2 server?)", null);
            return;
        }
        joinTimer.reset();
        recovery.onConnect(data);
        id = sid.textValue();
        connected = true;
        SocketPacket early;
        while ((early = receiveBuffer.poll()) != null) {
            dispatchEvent(early);
        }
        emits.onConnected();
        listeners.forLifecycle(callbacks, SocketListener::onConnect);
    }

    private void onEvent(SocketPacket packet) {
        if (connected) {
            dispatchEvent(packet);
        } else if (!active) {
            LOG.debug("event for {} dropped: the socket is not connecting", namespace);
        } else if (receiveBuffer.size() >= MAX_EARLY_EVENTS) {
            LOG.warn(
                    "event for {} dropped: {} events already wait for the CONNECT answer", namespace, MAX_EARLY_EVENTS);
        } else {
            receiveBuffer.add(packet);
        }
    }

    private void dispatchEvent(SocketPacket packet) {
        String event = packet.eventName();
        List<JsonNode> args = Args.view(packet.data(), 1, recovery.argumentsEnd(packet));
        AckImpl ack = packet.hasAckId() ? new AckImpl(this, packet.ackId()) : null;
        listeners.dispatchIncoming(callbacks, event, args, ack);
    }

    /** An emit reached the loop. */
    void onOutgoing(Outgoing o) {
        // Not isClosed(): an emit given before close() must still be sent (before the DISCONNECT).
        if (manager.closeRanOnLoop()) {
            fail(o, new SocketIoException("client closed"));
            return;
        }
        switch (o.kind) {
            case ACK -> {
                if (connected) {
                    manager.writeEncoded(o);
                }
            }
            case VOLATILE -> {
                if (connected && manager.engineWritable()) {
                    write(o);
                }
            }
            case QUEUED, NORMAL -> emits.add(o);
        }
    }

    /** Sends an event now and tells the outgoing listeners. */
    private void write(Outgoing o) {
        manager.writeEncoded(o);
        listeners.dispatchOutgoing(callbacks, o);
    }

    /** Marks the socket disconnected, tells the listeners, and fails acks that cannot come now. */
    private void onClose(DisconnectReason reason) {
        if (!connected) {
            return;
        }
        connected = false;
        id = null;
        listeners.forLifecycle(callbacks, l -> l.onDisconnect(reason));
        emits.onDisconnected();
    }

    private void emitConnectError(String message, JsonNode data) {
        listeners.forLifecycle(callbacks, l -> l.onConnectError(message, data));
    }

    /** Fails an emit: through its future, or the lifecycle listeners when nobody waits for it. */
    private void fail(Outgoing o, SocketIoException error) {
        if (o.future != null) {
            callbacks.fail(o.future, error);
        } else if (o.kind == Outgoing.Kind.NORMAL || o.kind == Outgoing.Kind.QUEUED) {
            listeners.forLifecycle(callbacks, l -> l.onEmitFailed(o.event, error));
        }
    }
}
