package io.pulseio.nodes.socketio.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.client.ClientListener;
import io.pulseio.client.DisconnectReason;
import io.pulseio.client.EventLoops;
import io.pulseio.client.SocketIoClient;
import io.pulseio.client.SocketIoException;
import io.pulseio.client.SocketListener;
import io.pulseio.client.Transport;
import io.pulseio.logic.time.Cancellable;
import io.pulseio.logic.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The connection manager of one configured connection: its client (created on the first Start), its
 * namespaces and subscriptions, and the state the nodes see. Every method runs on the logic thread: node
 * behaviours call in directly, and the client delivers its callbacks through the run's logic executor.
 *
 * <p>States: {@code IDLE} (never started, or stopped) → Start → {@code CONNECTING} → default namespace
 * joined (On Start) → {@code OPEN}. A lost connection (On Stop, On Error) → {@code RECONNECTING} → joined
 * again (On Start) → {@code OPEN}. Stop while {@code OPEN} → {@code STOPPING} → closed (On Stop) →
 * {@code IDLE}; the stop ends with the session's last callback, {@code onClose} or (when the connection was
 * lost just before the Stop) the disconnect of {@code /}.
 */
final class Connection {
    enum State { IDLE, CONNECTING, OPEN, RECONNECTING, STOPPING }

    /**
     * How long a namespace left without subscriptions stays joined before it is left. socket.io closes the
     * whole connection when a CONNECT for a namespace reaches it together with the DISCONNECT of the same
     * namespace (it handles the DISCONNECT a tick later, so the CONNECT finds the namespace still joined:
     * "invalid state"); leaving after a grace period, called off by any use of the namespace, keeps an
     * Unsubscribe followed at once by a Send or Subscribe from sending both in one chunk.
     */
    static final long LEAVE_DELAY_MILLIS = 200;

    private final ConnectionSettings settings;
    private final Executor logic;
    private final Supplier<EventLoops> loops;
    private final Scheduler scheduler;
    private final Events events;
    private final Map<String, Namespace> namespaces = new LinkedHashMap<>();
    private SocketIoClient client;
    private State state = State.IDLE;
    private boolean restartWhenStopped;
    /** Whether the client's connection closed (onClose) since it last opened: no session is open. */
    private boolean sessionClosed = true;
    /**
     * Counts the Starts that leave {@code IDLE}. Each client callback is stamped, when the client queues it,
     * with the count of that moment; one stamped before the latest Start belongs to an attempt given up
     * since (Stop while connecting, reconnection given up, refused) and changes no state. Written on the
     * logic thread, read on the client's event loop.
     */
    private volatile int generation;
    /** The stamp of the client callback running now (logic thread). */
    private int delivering;

    Connection(ConnectionSettings settings, Executor logic, Scheduler scheduler, Supplier<EventLoops> loops,
               Events events) {
        this.settings = settings;
        this.logic = logic;
        this.scheduler = scheduler;
        this.loops = loops;
        this.events = events;
    }

    String name() {
        return settings.name();
    }

    State state() {
        return state;
    }

    Events events() {
        return events;
    }

    // ---- what the action nodes do ----

    /** Socket.IO Start: opens the connection and joins {@code /} plus every namespace with subscriptions. */
    void start() {
        if (state == State.STOPPING) {
            restartWhenStopped = true;
            return;
        }
        if (state != State.IDLE) {
            return;
        }
        ensureClient();
        generation++;
        state = State.CONNECTING;
        events.connectionState("connecting", settings.url());
        namespace("/").socket.connect();
        for (Namespace n : namespaces.values()) {
            if (!n.isDefault() && !n.subscriptions.isEmpty()) {
                n.socket.connect();
            }
        }
    }

    /** Socket.IO Stop: leaves every namespace and closes the connection, without reconnecting. */
    void stop() {
        restartWhenStopped = false;
        switch (state) {
            case IDLE, STOPPING -> {
                return;
            }
            case OPEN -> state = State.STOPPING;
            default -> {
                state = State.IDLE;
                events.connectionState("stopped", "before it was established");
            }
        }
        leaveAll();
    }

    /** Socket.IO Send: joins the namespace if needed, then emits (buffered until joined). */
    void send(String namespace, String event, Object[] args) {
        requireStarted(namespace);
        Namespace n = namespace(namespace);
        n.keep();
        n.socket.connect();
        emit(n, () -> n.socket.emit(event, args));
    }

    /** Send With Ack: like {@link #send}; {@code reply} gets the ack's text, failures go to On Error. */
    void sendWithAck(String namespace, String event, Object[] args, long timeoutMillis, Consumer<String> reply) {
        requireStarted(namespace);
        Namespace n = namespace(namespace);
        n.keep();
        n.socket.connect();
        long timeout = timeoutMillis > 0 ? timeoutMillis : settings.ackTimeoutMillis();
        emit(n, () -> n.socket.emitWithAck(Duration.ofMillis(timeout), event, args).whenComplete((answer, failure) -> {
            if (failure == null) {
                replied(reply, Messages.text(answer));
            } else {
                EmitFailures.ackFailed(events, namespace, event, timeout, failure);
            }
        }));
    }

    /** Socket.IO Subscribe: listens to the event; On Subscribe fires once the namespace is joined. */
    void subscribe(String namespace, String event) {
        Namespace n = namespace(namespace);
        n.keep();
        if (!n.subscriptions.containsKey(event)) {
            n.subscriptions.put(event, n.socket == null ? null : listen(n, event));
        }
        if (n.joined) {
            events.subscribed(namespace, event);
            return;
        }
        n.awaitingJoin.add(event);
        if (isStarted()) {
            n.socket.connect();
        }
    }

    /** Socket.IO Unsubscribe: stops listening; leaves a namespace other than {@code /} left without any. */
    void unsubscribe(String namespace, String event) {
        Namespace n = namespaces.get(namespace);
        if (n != null) {
            var subscription = n.subscriptions.remove(event);
            if (subscription != null) {
                subscription.close();
            }
            n.awaitingJoin.removeIf(event::equals);
            if (!n.isDefault() && n.subscriptions.isEmpty() && n.socket != null && n.pendingLeave == null) {
                leaveLater(n);
            }
        }
        events.unsubscribed(namespace, event);
    }

    /** The run ends: close the client for good (its last callbacks are dropped). */
    void close() {
        state = State.IDLE;
        if (client != null) {
            client.close();
            client = null;
        }
    }

    // ---- the client's callbacks ----

    /** The client's callback executor: the logic executor, each callback stamped with the Start it follows. */
    private void deliver(Runnable callback) {
        int stamp = generation;
        logic.execute(() -> {
            int outer = delivering;
            delivering = stamp;
            try {
                callback.run();
            } finally {
                delivering = outer;
            }
        });
    }

    /** Whether the running callback was queued before the latest Start (see {@link #generation}). */
    private boolean stale() {
        return delivering != generation;
    }

    private final class ConnectionEvents implements ClientListener {
        @Override
        public void onOpen(Transport transport) {
            events.connectionState("open", transport.wireName());
            if (stale()) {
                return;
            }
            sessionClosed = false;
        }

        @Override
        public void onTransport(Transport transport) {
            events.connectionState("transport", transport.wireName());
        }

        @Override
        public void onClose(String reason, Throwable cause) {
            events.connectionState("closed", reason);
            if (stale()) {
                return;
            }
            sessionClosed = true;
            if (state == State.STOPPING) {
                stopped("forced close".equals(reason) ? DisconnectReason.IO_CLIENT_DISCONNECT.wireName() : reason);
            }
        }

        @Override
        public void onReconnectAttempt(int attempt) {
            events.connectionState("reconnecting", "attempt " + attempt);
        }

        @Override
        public void onReconnectFailed() {
            if (stale()) {
                return;
            }
            if (state == State.CONNECTING || state == State.RECONNECTING) {
                state = State.IDLE;
                leaveAll();
                events.error("/", "gave up after " + settings.reconnection().attempts() + " reconnection attempts",
                        Reasons.RECONNECT_FAILED, true);
            }
        }
    }

    private final class NamespaceEvents implements SocketListener {
        private final Namespace n;

        NamespaceEvents(Namespace n) {
            this.n = n;
        }

        @Override
        public void onConnect() {
            if (stale() || !isStarted()) {
                return;
            }
            n.joined = true;
            if (n.isDefault()) {
                if (state != State.OPEN) {
                    state = State.OPEN;
                    events.connectionState("started", n.socket.id());
                    events.started();
                }
            } else {
                events.connectionState("joined", n.name);
            }
            List<String> waiting = new ArrayList<>(n.awaitingJoin);
            n.awaitingJoin.clear();
            waiting.forEach(e -> events.subscribed(n.name, e));
        }

        @Override
        public void onDisconnect(DisconnectReason reason) {
            if (stale()) {
                return;
            }
            n.joined = false;
            if (n.isDefault() && state == State.STOPPING && sessionClosed) {
                // the connection was lost just before a Stop (its onClose came while still OPEN, and no
                // other will come): this is the session's last callback, so it ends the stop
                stopped(reason.wireName());
                return;
            }
            if (reason == DisconnectReason.IO_CLIENT_DISCONNECT) {
                return;
            }
            if (!n.isDefault()) {
                if (reason == DisconnectReason.IO_SERVER_DISCONNECT && isStarted()) {
                    events.error(n.name, "the server disconnected the namespace", reason.wireName(), true);
                }
                return;
            }
            if (state != State.OPEN) {
                return;
            }
            boolean again = reason.reconnects() && settings.reconnection().enabled();
            state = again ? State.RECONNECTING : State.IDLE;
            if (!again) {
                leaveAll();
            }
            events.stopped(reason.wireName());
            if (reason != DisconnectReason.IO_SERVER_DISCONNECT) {
                events.error("/", "connection lost: " + reason.wireName(), reason.wireName(), true);
            }
        }

        @Override
        public void onConnectError(String message, JsonNode data) {
            if (stale() || !isStarted() || client == null) {
                return;
            }
            boolean timeout = "timeout".equals(message);
            boolean refused = !timeout && (!n.socket.active() || client.isOpen());
            if (refused) {
                n.awaitingJoin.clear();
                events.connectionState("refused", n.name + ": " + message);
                if (n.isDefault()) {
                    state = State.IDLE;
                    leaveAll();
                }
                events.error(n.name, message, Reasons.NAMESPACE_REFUSED, true);
                return;
            }
            if (!n.isDefault() && !client.isOpen()) {
                return;
            }
            events.error(n.name, message, timeout ? Reasons.CONNECT_TIMEOUT : Reasons.CONNECT_ERROR, true);
            if (n.isDefault() && !settings.reconnection().enabled()) {
                state = State.IDLE;
                leaveAll();
            }
        }

        @Override
        public void onEmitFailed(String event, SocketIoException error) {
            EmitFailures.notSent(events, n.name, event, error);
        }
    }

    // ---- helpers ----

    /**
     * Hands an ack's answer to its node. What the node throws would end in the future {@code whenComplete}
     * returns, which nobody reads: it becomes On Socket.IO Error, as a failure of the node's own run does.
     */
    private void replied(Consumer<String> reply, String text) {
        try {
            reply.accept(text);
        } catch (NodeError e) {
            events.error(e.namespace(), e.getMessage(), e.reason(), true);
        } catch (RuntimeException e) {
            events.error("", e.getMessage() != null ? e.getMessage() : e.toString(), Reasons.NODE_FAILURE, true);
        }
    }

    /** A Stop is done: the session's last callback came. On Stop, then the Start issued meanwhile. */
    private void stopped(String reason) {
        state = State.IDLE;
        events.stopped(reason);
        if (restartWhenStopped) {
            restartWhenStopped = false;
            start();
        }
    }

    private boolean isStarted() {
        return state == State.CONNECTING || state == State.OPEN || state == State.RECONNECTING;
    }

    private void requireStarted(String namespace) {
        if (!isStarted()) {
            String what = state == State.STOPPING ? "is stopping" : "is not started";
            throw new NodeError(Reasons.NOT_STARTED, namespace, "connection '" + name() + "' " + what);
        }
    }

    private void emit(Namespace n, Runnable emit) {
        try {
            emit.run();
        } catch (IllegalArgumentException e) {
            throw new NodeError(Reasons.INVALID_MESSAGE, n.name, e.getMessage());
        }
    }

    /** The namespace's state, with its socket once the client exists. */
    private Namespace namespace(String name) {
        Namespace n = namespaces.computeIfAbsent(name, Namespace::new);
        if (client != null && n.socket == null) {
            attach(n);
        }
        return n;
    }

    private void ensureClient() {
        if (client != null) {
            return;
        }
        try {
            client = SocketIoClient.create(settings.toClientOptions(this::deliver, loops.get()));
        } catch (IllegalArgumentException e) {
            throw new NodeError(Reasons.INVALID_SETTINGS, "/", "connection '" + name() + "': " + e.getMessage());
        }
        client.addListener(new ConnectionEvents());
        namespace("/");
        namespaces.values().forEach(this::attach);
    }

    private void attach(Namespace n) {
        if (n.socket != null) {
            return;
        }
        n.socket = client.socket(n.name);
        n.socket.addListener(new NamespaceEvents(n));
        if (events.tracing()) {
            // traced when handed to the connection (a buffered emit when it really goes out): one more
            // logic-thread event per emit, so only when a trace is written
            n.socket.onAnyOutgoing((event, args, ack) -> events.sent(n.name, event, Messages.text(args)));
        }
        n.subscriptions.replaceAll((event, none) -> listen(n, event));
    }

    private io.pulseio.client.Subscription listen(Namespace n, String event) {
        return n.socket.on(event, (args, ack) -> {
            if (n.subscriptions.containsKey(event)) {
                String text = Messages.text(args);
                events.receivedTraced(n.name, event, text);
            }
        });
    }

    /**
     * Starts the grace period before leaving. The posted leave acts only if its own timer is still the
     * pending one: a timer that has fired may be called off too late (its leave already queued), and a
     * later Unsubscribe's timer must not be cut short by it.
     */
    private void leaveLater(Namespace n) {
        Cancellable[] timer = new Cancellable[1];
        timer[0] = scheduler.schedule(LEAVE_DELAY_MILLIS, () -> logic.execute(() -> leaveUnused(n, timer[0])));
        n.pendingLeave = timer[0];
    }

    private void leaveUnused(Namespace n, Cancellable timer) {
        if (n.pendingLeave != timer || !n.subscriptions.isEmpty()) {
            return;
        }
        n.pendingLeave = null;
        boolean wasJoined = n.joined;
        n.leave();
        if (wasJoined) {
            events.connectionState("left", n.name);
        }
    }

    /** Leaves every namespace, {@code /} last, so that the client closes the connection. */
    private void leaveAll() {
        for (Namespace n : namespaces.values()) {
            if (!n.isDefault()) {
                n.leave();
            }
        }
        Namespace root = namespaces.get("/");
        if (root != null) {
            root.leave();
        }
    }
}
