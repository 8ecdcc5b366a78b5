package io.pulseio.admin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pulseio.server.ConnectionRefusedException;
import io.pulseio.server.DisconnectReason;
import io.pulseio.server.EngineSocket;
import io.pulseio.server.Middleware;
import io.pulseio.server.Namespace;
import io.pulseio.server.RemoteSocket;
import io.pulseio.server.ServerObserver;
import io.pulseio.server.ServerSocket;
import io.pulseio.server.SocketIoServer;
import io.pulseio.server.Subscription;
import io.pulseio.server.Transport;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Admin UI's instrumentation of one server: the admin namespace's login and commands, the
 * watching of every namespace (development mode) and the statistics timer. See
 * {@code docs/operations.md} for what the UI is sent.
 */
public final class Instrument implements ServerObserver, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.admin");
    static final long STATS_INTERVAL_MS = 2000;
    private static final String SESSION_KEY = "_adminSession";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SocketIoServer server;
    private final Settings options;
    private final boolean development;
    private final Login login;
    private final Namespace admin;
    private final EventBuffer events = new EventBuffer(System::currentTimeMillis);
    private final ConcurrentHashMap<String, Namespace> namespaces = new ConcurrentHashMap<>();
    private final Set<String> pollingSessions = ConcurrentHashMap.newKeySet();
    /** Development mode: the sockets of each connection, to tell the UI of an upgrade. */
    private final ConcurrentHashMap<String, Set<ServerSocket>> byConnection = new ConcurrentHashMap<>();

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    /** In development mode, the connection listener on each namespace watched. */
    private final ConcurrentHashMap<Namespace, Subscription> watching = new ConcurrentHashMap<>();

    private final ObjectNode baseStats;
    private final ArrayNode features;
    private final ScheduledExecutorService timer;
    private volatile boolean closed;
    /** False once the last stats tick found a single server (no cluster): see {@link #watched()}. */
    private volatile boolean clustered = true;

    private Instrument(SocketIoServer server, Settings options) {
        this.server = server;
        this.options = options;
        this.development = options.development();
        this.login = options.authenticates() ? new Login(options.username(), options.password()) : null;
        this.admin = server.namespace(options.namespace());
        String host = hostname();
        this.baseStats = JSON.objectNode()
                .put("serverId", options.serverId() != null ? options.serverId() : host)
                .put("hostname", host)
                .put("pid", ProcessHandle.current().pid());
        this.features = JSON.arrayNode();
        if (!options.readOnly()) {
            for (String f : List.of("EMIT", "JOIN", "LEAVE", "DISCONNECT", "MJOIN", "MLEAVE", "MDISCONNECT")) {
                features.add(f);
            }
        }
        features.add("AGGREGATED_EVENTS");
        if (development) {
            features.add("ALL_EVENTS");
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pulseio-admin");
            t.setDaemon(true);
            return t;
        });
    }

    /** Instruments {@code server}; see {@code Admin.instrument}. */
    public static Instrument start(SocketIoServer server, Settings options) {
        Instrument i = new Instrument(server, options);
        i.subscriptions.add(i.admin.use(Middleware.sync(i::authenticate)));
        i.subscriptions.add(i.admin.onConnection(i::uiConnected));
        i.subscriptions.add(server.observe(i));
        i.timer.scheduleAtFixedRate(i::emitStats, 0, STATS_INTERVAL_MS, TimeUnit.MILLISECONDS);
        if (!options.authenticates()) {
            LOG.warn("the admin namespace {} is open to anyone: no login was set", options.namespace());
        }
        return i;
    }

    // ---- the UI's sockets ----

    private void authenticate(ServerSocket ui) {
        if (closed) {
            throw new ConnectionRefusedException("admin instrumentation closed");
        }
        if (login == null) {
            return;
        }
        String session = login.check(ui.handshake().auth());
        if (session == null) {
            throw new ConnectionRefusedException("invalid credentials");
        }
        if (!session.isEmpty()) {
            ui.data().put(SESSION_KEY, TextNode.valueOf(session));
        }
    }

    private void uiConnected(ServerSocket ui) {
        JsonNode session = ui.data().remove(SESSION_KEY);
        if (session != null) {
            ui.emit("session", session);
        }
        if (!options.readOnly()) {
            Commands.register(ui, namespaces::get);
        }
        ui.emit("config", JSON.objectNode().set("supportedFeatures", features));
        if (development) {
            allSockets().thenAccept(all -> ui.emit("all_sockets", all));
        }
    }

    /** Every socket of every namespace, on every server of the cluster. */
    private CompletableFuture<ArrayNode> allSockets() {
        List<CompletableFuture<List<ObjectNode>>> parts = new ArrayList<>();
        for (Namespace nsp : namespaces.values()) {
            parts.add(nsp.fetchSockets()
                    .thenApply(list -> {
                        List<ObjectNode> out = new ArrayList<>(list.size());
                        for (RemoteSocket s : list) {
                            out.add(SocketJson.of(nsp.name(), s));
                        }
                        return out;
                    })
                    .exceptionally(e -> {
                        LOG.warn(
                                "admin: cannot fetch the sockets of {} from every server, showing this one's: {}",
                                nsp.name(),
                                e.toString());
                        return nsp.sockets().stream().map(SocketJson::of).toList();
                    }));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(v -> {
            ArrayNode all = JSON.arrayNode();
            parts.forEach(p -> all.addAll(p.join()));
            return all;
        });
    }

    private void emitStats() {
        try {
            ObjectNode stats = baseStats.deepCopy();
            stats.put("uptime", uptimeSeconds());
            stats.put("clientsCount", server.engine().sessionCount());
            stats.put("pollingClientsCount", pollingSessions.size());
            stats.set("aggregatedEvents", events.drain());
            ArrayNode list = stats.putArray("namespaces");
            for (Namespace nsp : namespaces.values()) {
                list.addObject()
                        .put("name", nsp.name())
                        .put("socketsCount", nsp.sockets().size());
            }
            toUi("server_stats", stats);
            admin.serverCount().thenAccept(n -> clustered = n > 1);
        } catch (RuntimeException e) {
            LOG.warn("admin: server_stats failed", e);
        }
    }

    // ---- watching the server ----

    @Override
    public void namespaceCreated(Namespace nsp) {
        if (namespaces.putIfAbsent(nsp.name(), nsp) == null && development) {
            watching.put(nsp, nsp.onConnection(socket -> socketConnected(nsp, socket)));
        }
    }

    @Override
    public void namespaceRemoved(Namespace nsp) {
        namespaces.remove(nsp.name(), nsp);
        Subscription listener = watching.remove(nsp);
        if (listener != null) {
            listener.close();
        }
    }

    private void socketConnected(Namespace nsp, ServerSocket socket) {
        if (closed) {
            return;
        }
        socket.data().put(SocketJson.ADMIN_KEY, SocketJson.adminData(socket));
        byConnection
                .computeIfAbsent(socket.connectionId(), k -> ConcurrentHashMap.newKeySet())
                .add(socket);
        toUi("socket_connected", SocketJson.of(socket), now());
        if (!nsp.name().equals(admin.name())) {
            socket.onAny((event, args, ack) -> {
                if (watched()) {
                    toUi("event_received", nsp.name(), socket.id(), eventArray(event, args), now());
                }
            });
        }
        socket.onDisconnect(reason -> {
            byConnection.computeIfPresent(socket.connectionId(), (k, set) -> {
                set.remove(socket);
                return set.isEmpty() ? null : set;
            });
            if (!closed) {
                toUi("socket_disconnected", nsp.name(), socket.id(), reason.reason(), now());
            }
        });
    }

    @Override
    public void sessionOpened(EngineSocket session) {
        events.add("rawConnection");
        if (session.transport() == Transport.POLLING) {
            pollingSessions.add(session.id());
        }
    }

    @Override
    public void sessionUpgraded(EngineSocket session) {
        pollingSessions.remove(session.id());
        Set<ServerSocket> sockets = byConnection.get(session.id());
        if (sockets == null || closed) {
            return;
        }
        for (ServerSocket socket : sockets) {
            socket.data().put(SocketJson.ADMIN_KEY, SocketJson.adminData(socket));
            toUi(
                    "socket_updated",
                    JSON.objectNode()
                            .put("id", socket.id())
                            .put("nsp", socket.namespace().name())
                            .put("transport", Transport.WEBSOCKET.wireName()));
        }
    }

    @Override
    public void sessionClosed(EngineSocket session, DisconnectReason reason) {
        pollingSessions.remove(session.id());
        events.add("rawDisconnection", reason.reason(), 1);
    }

    @Override
    public void messageReceived(EngineSocket session, int bytes) {
        events.received(bytes);
    }

    @Override
    public void messageSent(EngineSocket session, int bytes) {
        events.sent(bytes);
    }

    @Override
    public void roomJoined(Namespace nsp, String room, String socketId) {
        if (development && watched()) {
            toUi("room_joined", nsp.name(), room, socketId, now());
        }
    }

    @Override
    public void roomLeft(Namespace nsp, String room, String socketId) {
        if (development && watched()) {
            toUi("room_left", nsp.name(), room, socketId, now());
        }
    }

    @Override
    public void eventSent(ServerSocket socket, String event, List<JsonNode> args) {
        if (development && !socket.namespace().name().equals(admin.name()) && watched()) {
            toUi("event_sent", socket.namespace().name(), socket.id(), eventArray(event, args), now());
        }
    }

    // ---- helpers ----

    /**
     * Whether a UI may be listening: one is connected here, or other servers of a cluster (as of
     * the last stats tick) may have one. The per-event updates are skipped when not, so that an
     * instrumented server nobody looks at pays little.
     */
    private boolean watched() {
        return !closed && (clustered || !admin.sockets().isEmpty());
    }

    private void toUi(String event, Object... args) {
        try {
            admin.emit(event, args);
        } catch (RuntimeException e) {
            LOG.warn("admin: cannot send {} to the UI", event, e);
        }
    }

    private static ArrayNode eventArray(String event, List<JsonNode> args) {
        ArrayNode out = JSON.arrayNode(args.size() + 1);
        out.add(event);
        out.addAll(args);
        return out;
    }

    /** A timestamp as JavaScript's {@code Date} serializes: ISO 8601 in UTC, milliseconds. */
    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static double uptimeSeconds() {
        return ProcessHandle.current()
                .info()
                .startInstant()
                .map(start -> (System.currentTimeMillis() - start.toEpochMilli()) / 1000.0)
                .orElse(0.0);
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env != null ? env : "localhost";
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        timer.shutdownNow();
        subscriptions.forEach(Subscription::close);
        watching.values().forEach(Subscription::close);
        admin.local().disconnectSockets(false);
    }
}
