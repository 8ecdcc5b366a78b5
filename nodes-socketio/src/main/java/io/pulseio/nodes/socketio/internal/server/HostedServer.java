package io.pulseio.nodes.socketio.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pulseio.admin.Admin;
import io.pulseio.metrics.MetricsServer;
import io.pulseio.metrics.PulseioMetrics;
import io.pulseio.nodes.socketio.internal.shared.MessageText;
import io.pulseio.nodes.socketio.internal.shared.NodeError;
import io.pulseio.nodes.socketio.internal.shared.RunMetrics;
import io.pulseio.server.Ack;
import io.pulseio.server.DisconnectReason;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.ServerSocket;
import io.pulseio.server.SocketIoServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One configured server for one run: Start binds it, Stop closes it, and its clients' events come back to
 * the logic as listener events. The lifecycle state is touched on the logic thread only; binding and
 * closing (which wait) run on the run's control thread, in order, and report back through the logic
 * executor. The client and ack tables are also written by the server's event loop, hence concurrent.
 *
 * <p>The server accepts every namespace a client asks for. Start while started or starting does
 * nothing; Start while stopping starts again once closed; Stop while stopped does nothing.
 */
final class HostedServer {
    private enum State {
        STOPPED,
        STARTING,
        STARTED,
        STOPPING
    }

    /** An event whose client asked for an acknowledgement, waiting for Answer Ack. */
    private record PendingAck(String clientId, Ack ack) {}

    /**
     * The server of one Start, as the logic sees it. Its clients' events reach the listeners only once the
     * logic has seen it listen (On Server Start): those that come earlier wait for it, and those of a start
     * abandoned by a Stop are dropped, since for the logic that server never listened. Logic thread only.
     */
    private static final class Attempt {
        private boolean seen;
        /** Events that came before On Server Start; null once seen or abandoned. */
        private List<Runnable> early = new ArrayList<>();

        void deliver(Runnable event) {
            if (seen) {
                event.run();
            } else if (early != null) {
                early.add(event);
            }
        }

        /** On Server Start has fired: the events that waited for it follow. */
        void seen() {
            seen = true;
            List<Runnable> waiting = early;
            early = null;
            waiting.forEach(Runnable::run);
        }

        void abandon() {
            early = null;
        }
    }

    private final ServerSettings settings;
    private final ServerListeners events;
    private final Executor logic;
    private final Executor control;
    private final Function<ServerOptions, SocketIoServer> factory;
    /** The Admin UI instrumentation of the bound server, if its settings ask for one; control thread only. */
    private Admin admin;
    /** The bound server's own scrape endpoint, if its settings ask for one; control thread only. */
    private MetricsServer metricsEndpoint;

    private final Map<String, ServerSocket> clients = new ConcurrentHashMap<>();
    private final Map<String, PendingAck> acks = new ConcurrentHashMap<>();
    private final AtomicLong ackIds = new AtomicLong();

    // logic thread
    private State state = State.STOPPED;
    /** The latest Start's server; null before the first. */
    private Attempt attempt;

    private boolean startWhenStopped;
    private boolean announced;
    private int port;
    /** Server Start nodes waiting for the server to listen and Server Stop nodes for it to close, by node:
     * a node that runs again while it waits still completes once (so neither map outgrows the graph). */
    private final java.util.Map<Object, java.util.function.IntConsumer> startWaiters = new java.util.LinkedHashMap<>();

    private final java.util.Map<Object, Runnable> stopWaiters = new java.util.LinkedHashMap<>();
    private SocketIoServer server;

    // control thread
    private SocketIoServer bound;

    HostedServer(ServerSettings settings, ServerListeners events, Executor logic, Executor control) {
        this(settings, events, logic, control, SocketIoServer::create);
    }

    /** @param factory makes the server on the control thread (a test's stand-in) */
    HostedServer(
            ServerSettings settings,
            ServerListeners events,
            Executor logic,
            Executor control,
            Function<ServerOptions, SocketIoServer> factory) {
        this.settings = settings;
        this.events = events;
        this.logic = logic;
        this.control = control;
        this.factory = factory;
    }

    ServerListeners listeners() {
        return events;
    }

    void start() {
        switch (state) {
            case STARTING, STARTED -> {}
            case STOPPING -> startWhenStopped = true;
            case STOPPED -> {
                state = State.STARTING;
                Attempt a = new Attempt();
                attempt = a;
                control.execute(() -> bind(a));
            }
        }
    }

    /**
     * Server Start's {@code started}: {@code done} gets the port once the server listens (right after On
     * Socket.IO Server Start), or at once when it already does. A Stop or a failed bind drops it.
     */
    void whenStarted(Object node, java.util.function.IntConsumer done) {
        if (state == State.STARTED) {
            done.accept(port);
        } else {
            startWaiters.put(node, done);
        }
    }

    /** Server Stop's {@code stopped}: {@code done} runs once the server is closed, or at once when stopped. */
    void whenStopped(Object node, Runnable done) {
        if (state == State.STOPPED) {
            done.run();
        } else {
            stopWaiters.put(node, done);
        }
    }

    void stop() {
        startWaiters.clear();
        switch (state) {
            case STOPPED -> {}
            case STOPPING -> startWhenStopped = false;
            case STARTING, STARTED -> {
                if (state == State.STARTING) {
                    attempt.abandon();
                }
                state = State.STOPPING;
                server = null;
                control.execute(this::close);
            }
        }
    }

    /** The run ends: closes the server now (on the control thread, which the caller then waits for). */
    void closeForRunEnd() {
        control.execute(this::close);
    }

    // ---- control thread ----

    private void bind(Attempt a) {
        SocketIoServer s = null;
        try {
            s = factory.apply(settings.toServerOptions());
            if (settings.admin() != null) {
                admin = Admin.instrument(s, settings.admin());
            }
            RunMetrics.server(s, settings.name());
            PrometheusMeterRegistry own =
                    settings.metrics() == null ? null : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            if (own != null) {
                PulseioMetrics.bind(s, own, settings.name());
            }
            Consumer<ServerSocket> onConnection = socket -> connected(a, socket);
            s.sockets().onConnection(onConnection);
            s.namespaces(name -> true).onConnection(onConnection);
            int port = s.start();
            if (own != null) {
                metricsEndpoint = MetricsServer.start(
                        own, settings.metrics().host(), settings.metrics().port());
            }
            bound = s;
            SocketIoServer started = s;
            logic.execute(() -> bound(a, started, port));
        } catch (Throwable e) {
            // any failure (an Error too, e.g. a class Netty cannot load) must reach the logic: otherwise the
            // server stays STARTING for the rest of the run
            closeAdmin();
            closeMetrics();
            if (s != null) {
                try {
                    s.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
            }
            String why = e.getMessage() != null ? e.getMessage() : e.toString();
            logic.execute(() -> bindFailed(why));
            if (e instanceof VirtualMachineError fatal) {
                throw fatal; // reported; the JVM is in trouble, let its handler see it too
            }
        }
    }

    private void closeMetrics() {
        MetricsServer m = metricsEndpoint;
        metricsEndpoint = null;
        if (m != null) {
            m.close();
        }
    }

    private void closeAdmin() {
        Admin a = admin;
        admin = null;
        if (a != null) {
            a.close();
        }
    }

    private void close() {
        SocketIoServer s = bound;
        bound = null;
        try {
            closeAdmin();
            closeMetrics();
            if (s != null) {
                s.close();
            }
        } finally {
            logic.execute(this::closed); // also when closing failed: the server must not stay STOPPING
        }
    }

    // ---- logic thread, reports from the control thread ----

    private void bound(Attempt a, SocketIoServer s, int port) {
        if (state != State.STARTING || attempt != a) {
            a.abandon();
            return; // a Stop came while binding: the close that follows reports
        }
        state = State.STARTED;
        server = s;
        announced = true;
        this.port = port;
        events.started(port);
        a.seen();
        if (!startWaiters.isEmpty()) {
            var waiting = java.util.List.copyOf(startWaiters.values());
            startWaiters.clear();
            waiting.forEach(w -> w.accept(port));
        }
    }

    private void bindFailed(String why) {
        if (state == State.STARTING) {
            state = State.STOPPED;
            startWaiters.clear();
        }
        events.error(
                "",
                "",
                "cannot listen on " + settings.host() + ":" + settings.port() + ": " + why,
                ServerReason.BIND_ERROR,
                true);
    }

    private void closed() {
        if (state != State.STOPPING) {
            return;
        }
        state = State.STOPPED;
        clients.clear();
        acks.clear();
        if (announced) {
            announced = false;
            events.stopped(ServerReason.SERVER_STOP);
        }
        if (!stopWaiters.isEmpty()) {
            var waiting = java.util.List.copyOf(stopWaiters.values());
            stopWaiters.clear();
            waiting.forEach(Runnable::run);
        }
        if (startWhenStopped) {
            startWhenStopped = false;
            start();
        }
    }

    // ---- the server's event loop ----

    private void connected(Attempt a, ServerSocket socket) {
        if (clients.putIfAbsent(socket.id(), socket) != null) {
            return;
        }
        String ns = socket.namespace().name();
        socket.onAny((event, args, ack) -> received(a, socket, event, args, ack));
        socket.onDisconnect(reason -> disconnected(a, socket, reason));
        JsonNode auth = socket.handshake().auth();
        String authText = auth == null ? "{}" : MessageText.jsonText(auth);
        deliver(a, () -> events.clientConnected(socket.id(), ns, authText));
    }

    private void received(Attempt a, ServerSocket socket, String event, List<JsonNode> args, Ack ack) {
        String ackId;
        if (ack != null) {
            ackId = settings.name() + "#" + ackIds.incrementAndGet();
            acks.put(ackId, new PendingAck(socket.id(), ack));
        } else {
            ackId = "";
        }
        String text = MessageText.text(args);
        deliver(a, () -> events.received(socket.id(), socket.namespace().name(), event, text, ackId));
    }

    private void disconnected(Attempt a, ServerSocket socket, DisconnectReason reason) {
        clients.remove(socket.id(), socket);
        acks.values().removeIf(p -> p.clientId().equals(socket.id()));
        deliver(
                a,
                () -> events.clientDisconnected(socket.id(), socket.namespace().name(), reason));
    }

    /**
     * Hands a client's event to the logic thread, where its server's {@link Attempt} fires it, holds it until
     * On Server Start, or drops it. Each event is one logic task; its listeners run right after it, so the
     * events keep the order the server saw them in.
     */
    private void deliver(Attempt a, Runnable event) {
        logic.execute(() -> a.deliver(event));
    }

    // ---- logic thread, for the action nodes ----

    /** Emits to a whole namespace (none with that name now: nobody to tell). */
    void emitToNamespace(String ns, String event, Object[] args, String text) {
        SocketIoServer s = started(ns);
        s.findNamespace(ns).ifPresent(n -> n.emit(event, args));
        events.sent(ns, event, text);
    }

    /** Emits to the clients in {@code room} of namespace {@code ns}. */
    void emitToRoom(String ns, String room, String event, Object[] args, String text) {
        SocketIoServer s = started(ns);
        s.findNamespace(ns).ifPresent(n -> n.to(room).emit(event, args));
        events.sent(ns, event, text);
    }

    /** Emits to one client, in its own namespace. */
    void emitToClient(String clientId, String event, Object[] args, String text) {
        ServerSocket socket = client(clientId, "");
        socket.emit(event, args);
        events.sent(socket.namespace().name(), event, text);
    }

    void join(String clientId, String room) {
        client(clientId, "").join(room);
    }

    void leave(String clientId, String room) {
        client(clientId, "").leave(room);
    }

    void disconnect(String clientId, boolean close) {
        client(clientId, "").disconnect(close);
    }

    void answer(String ackId, Object[] args) {
        started("");
        PendingAck pending = acks.remove(ackId);
        if (pending == null) {
            throw new NodeError(
                    ServerReason.UNKNOWN_ACK,
                    "",
                    "",
                    ackId.isEmpty()
                            ? "no ack id: the event did not ask for an acknowledgement"
                            : "ack '" + ackId
                                    + "' is not waiting for an answer (answered already, or its client left)");
        }
        pending.ack().send(args);
    }

    private SocketIoServer started(String ns) {
        if (state != State.STARTED) {
            throw new NodeError(ServerReason.NOT_STARTED, "", ns, "server '" + settings.name() + "' is not started");
        }
        return server;
    }

    private ServerSocket client(String clientId, String ns) {
        started(ns);
        if (clientId == null || clientId.isEmpty()) {
            throw new NodeError(ServerReason.INVALID_TARGET, "", ns, "client id must not be empty");
        }
        ServerSocket socket = clients.get(clientId);
        if (socket == null || !socket.connected()) {
            throw new NodeError(ServerReason.UNKNOWN_CLIENT, clientId, ns, "no connected client '" + clientId + "'");
        }
        return socket;
    }
}
