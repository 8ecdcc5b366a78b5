package io.pulseio.nodes.socketio.internal.client;

import io.pulseio.client.DisconnectReason;
import io.pulseio.client.EventLoops;
import io.pulseio.client.SocketIoClient;
import io.pulseio.client.Subscription;
import io.pulseio.logic.time.Scheduler;
import io.pulseio.nodes.socketio.internal.shared.MessageText;
import io.pulseio.nodes.socketio.internal.shared.NodeError;
import io.pulseio.nodes.socketio.internal.shared.NodeReason;
import io.pulseio.nodes.socketio.internal.shared.RunMetrics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The connection manager of one configured connection: its client (created on the first Start), its
 * namespaces and subscriptions, and the state the nodes see. Every method runs on the logic thread: node
 * behaviours call in directly, and the client delivers its callbacks through the run's logic executor
 * ({@link ClientCallbacks} handles them and moves the state).
 *
 * <p>States: {@code IDLE} (never started, or stopped) → Start → {@code CONNECTING} → default namespace
 * joined (On Start) → {@code OPEN}. A lost connection (On Stop, On Error) → {@code RECONNECTING} → joined
 * again (On Start) → {@code OPEN}. Stop while {@code OPEN} → {@code STOPPING} → closed (On Stop) →
 * {@code IDLE}; the stop ends with the session's last callback, {@code onClose} or (when the connection was
 * lost just before the Stop) the disconnect of {@code /}.
 */
final class Connection {
    enum State {
        IDLE,
        CONNECTING,
        OPEN,
        RECONNECTING,
        STOPPING
    }

    /** The reason a Stop completes with when there was no established connection to close. */
    private static final DisconnectReason CLIENT_DISCONNECT = DisconnectReason.IO_CLIENT_DISCONNECT;

    private final ConnectionSettings settings;
    private final Executor logic;
    private final Supplier<EventLoops> loops;
    private final Scheduler scheduler;
    private final ConnectionListeners events;
    private final ClientCallbacks callbacks;
    private final Map<String, Namespace> namespaces = new LinkedHashMap<>();
    private SocketIoClient client;
    private State state = State.IDLE;
    private boolean restartWhenStopped;
    private final java.util.List<AutoSubscriptions.Pair> autoSubscriptions;
    /** Start nodes waiting for the connection to be established and Stop nodes for it to close, by node:
     * a node that runs again while it waits still completes once (so neither map outgrows the graph). */
    private final Map<Object, Runnable> startWaiters = new LinkedHashMap<>();

    private final Map<Object, Consumer<DisconnectReason>> stopWaiters = new LinkedHashMap<>();

    Connection(
            ConnectionSettings settings,
            Executor logic,
            Scheduler scheduler,
            Supplier<EventLoops> loops,
            ConnectionListeners events) {
        this(settings, logic, scheduler, loops, events, java.util.List.of());
    }

    /** {@code autoSubscriptions}: what this connection's subscribing On Receive nodes subscribe at each Start. */
    Connection(
            ConnectionSettings settings,
            Executor logic,
            Scheduler scheduler,
            Supplier<EventLoops> loops,
            ConnectionListeners events,
            java.util.List<AutoSubscriptions.Pair> autoSubscriptions) {
        this.settings = settings;
        this.autoSubscriptions = autoSubscriptions;
        this.logic = logic;
        this.scheduler = scheduler;
        this.loops = loops;
        this.events = events;
        this.callbacks = new ClientCallbacks(this, settings, events, logic);
    }

    String name() {
        return settings.name();
    }

    State state() {
        return state;
    }

    ConnectionListeners listeners() {
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
        for (AutoSubscriptions.Pair p : autoSubscriptions) {
            Namespace n = namespaces.get(p.namespace());
            if (n == null || !n.subscriptions.containsKey(p.event())) {
                subscribe(p.namespace(), p.event());
            }
        }
        callbacks.started();
        state = State.CONNECTING;
        events.connectionState("connecting", settings.shownUrl());
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
                startWaiters.clear();
                completeStop(CLIENT_DISCONNECT);
            }
        }
        leaveAll();
    }

    /**
     * Start's {@code started}: {@code done} runs once, the next time the connection is established (right
     * after On Socket.IO Start), or at once when it is open. A Stop before that drops it.
     */
    void whenStarted(Object node, Runnable done) {
        if (state == State.OPEN) {
            done.run();
        } else if (state != State.IDLE) {
            startWaiters.put(node, done);
        }
    }

    /**
     * Stop's {@code stopped}: {@code done} gets the reason once the connection is closed (right after On
     * Socket.IO Stop), or at once ({@code io client disconnect}) when it is not started or not yet
     * established.
     */
    void whenStopped(Object node, Consumer<DisconnectReason> done) {
        if (state == State.IDLE) {
            done.accept(CLIENT_DISCONNECT);
        } else {
            stopWaiters.put(node, done);
        }
    }

    /** The connection was established (On Socket.IO Start has fired): the waiting Starts complete. */
    void completeStart() {
        if (!startWaiters.isEmpty()) {
            var waiting = java.util.List.copyOf(startWaiters.values());
            startWaiters.clear();
            waiting.forEach(Runnable::run);
        }
    }

    private void completeStop(DisconnectReason reason) {
        if (!stopWaiters.isEmpty()) {
            var waiting = java.util.List.copyOf(stopWaiters.values());
            stopWaiters.clear();
            waiting.forEach(w -> w.accept(reason));
        }
    }

    /**
     * Socket.IO Send: joins the namespace if needed, then emits (buffered until joined, sent once and in
     * order). Joining asks the client only while the namespace is not joined, and the client ignores a
     * connect while its CONNECT awaits the answer: one CONNECT per join, however many Sends come meanwhile.
     */
    void send(String namespace, String event, Object[] args) {
        requireStarted(namespace);
        Namespace n = namespace(namespace);
        n.keep();
        n.join();
        emit(n, () -> n.socket.emit(event, args));
    }

    /** What a Send With Ack's emit that got no answer does: {@code timeoutMillis} is the wait it was given. */
    @FunctionalInterface
    interface AckFailed {
        void failed(long timeoutMillis, Throwable failure);
    }

    /**
     * Send With Ack: like {@link #send}; {@code reply} gets the ack's text, {@code failed} the failure (both on
     * the logic thread). {@code timeoutMillis} 0 means the connection's {@code ackTimeout}.
     */
    void sendWithAck(
            String namespace,
            String event,
            Object[] args,
            long timeoutMillis,
            Consumer<String> reply,
            AckFailed failed) {
        requireStarted(namespace);
        Namespace n = namespace(namespace);
        n.keep();
        n.join();
        long timeout = timeoutMillis > 0 ? timeoutMillis : settings.ackTimeoutMillis();
        emit(
                n,
                () -> n.socket
                        .emitWithAck(Duration.ofMillis(timeout), event, args)
                        .whenComplete((answer, failure) -> {
                            if (failure == null) {
                                replied(reply, MessageText.text(answer));
                            } else {
                                failed.failed(timeout, failure);
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
            n.join();
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
                n.leaveLater(scheduler, logic, events);
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

    // ---- what the client's callbacks (ClientCallbacks) use ----

    /** The client, or null before the first Start and after {@link #close}. */
    SocketIoClient client() {
        return client;
    }

    boolean isStarted() {
        return state == State.CONNECTING || state == State.OPEN || state == State.RECONNECTING;
    }

    /** Moves to the state a client callback calls for. */
    void moveTo(State next) {
        state = next;
    }

    /** A Stop is done: the session's last callback came. On Stop, then the Start issued meanwhile. */
    void stopped(DisconnectReason reason) {
        state = State.IDLE;
        events.stopped(reason);
        startWaiters.clear();
        completeStop(reason);
        if (restartWhenStopped) {
            restartWhenStopped = false;
            start();
        }
    }

    /** Leaves every namespace, {@code /} last, so that the client closes the connection. */
    void leaveAll() {
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
            events.error("", e.getMessage() != null ? e.getMessage() : e.toString(), NodeReason.NODE_FAILURE, true);
        }
    }

    private void requireStarted(String namespace) {
        if (!isStarted()) {
            String what = state == State.STOPPING ? "is stopping" : "is not started";
            throw new NodeError(ConnectionReason.NOT_STARTED, namespace, "connection '" + name() + "' " + what);
        }
    }

    private void emit(Namespace n, Runnable emit) {
        try {
            emit.run();
        } catch (IllegalArgumentException e) {
            throw new NodeError(NodeReason.INVALID_MESSAGE, n.name, e.getMessage());
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
            client = SocketIoClient.create(
                    RunMetrics.client(settings.toClientOptions(callbacks::deliver, loops.get()), name()));
        } catch (IllegalArgumentException e) {
            throw new NodeError(
                    ConnectionReason.INVALID_SETTINGS, "/", "connection '" + name() + "': " + e.getMessage());
        }
        client.addListener(callbacks.forConnection());
        RunMetrics.client(client, name());
        namespace("/");
        namespaces.values().forEach(this::attach);
    }

    private void attach(Namespace n) {
        if (n.socket != null) {
            return;
        }
        n.socket = client.socket(n.name);
        n.socket.addListener(callbacks.forNamespace(n));
        if (events.tracing()) {
            // traced when handed to the connection (a buffered emit when it really goes out), on the
            // connection's loop: the record joins the trace before the logic thread's next event, without
            // an event of its own (which would cost a logic-thread hand-off per emit); only with a trace
            n.socket.onAnyOutgoing(
                    (event, args, ack) -> events.sent(n.name, event, MessageText.text(args)), Runnable::run);
        }
        n.subscriptions.replaceAll((event, none) -> listen(n, event));
    }

    private Subscription listen(Namespace n, String event) {
        if (AutoSubscriptions.EVERY_EVENT.equals(event)) {
            return n.socket.onAny((name, args, ack) -> {
                if (n.subscriptions.containsKey(event)) {
                    events.receivedTraced(n.name, name, MessageText.text(args));
                }
            });
        }
        return n.socket.on(event, (args, ack) -> {
            // with * subscribed too, that subscription delivers the event (once)
            if (n.subscriptions.containsKey(event) && !n.subscriptions.containsKey(AutoSubscriptions.EVERY_EVENT)) {
                String text = MessageText.text(args);
                events.receivedTraced(n.name, event, text);
            }
        });
    }
}
