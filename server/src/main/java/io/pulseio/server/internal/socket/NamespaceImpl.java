package io.pulseio.server.internal.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.SocketEncoder;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.server.Ack;
import io.pulseio.server.Adapter;
import io.pulseio.server.Adapter.BroadcastOptions;
import io.pulseio.server.Adapter.RestoredSession;
import io.pulseio.server.BroadcastOperator;
import io.pulseio.server.ConnectionRefusedException;
import io.pulseio.server.Middleware;
import io.pulseio.server.ServerSideListener;
import io.pulseio.server.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One namespace: admits sockets through its middleware (and its dynamic parent's), keeps the
 * connected ones and broadcasts through its adapter.
 */
final class NamespaceImpl extends BaseNamespace {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.server");

    private final SocketIoServerImpl server;
    private final String name;
    private final DynamicNamespace parent;
    /**
     * For a child of a dynamic namespace: the connections that asked for it and have not left it
     * (in its middlewares or connected); guarded by the server's namespace lock.
     */
    int users;

    final ConcurrentHashMap<String, ServerSocketImpl> socketsById = new ConcurrentHashMap<>();
    private final Adapter adapter;
    private final AtomicLong ackIds = new AtomicLong();
    private final BroadcastOperator all;

    NamespaceImpl(SocketIoServerImpl server, String name, DynamicNamespace parent) {
        this.server = server;
        this.name = name;
        this.parent = parent;
        Adapter made = server.options.adapter().create(new LocalDelivery(this));
        if (made == null) {
            throw new IllegalStateException("the adapter factory returned null for namespace " + name);
        }
        this.adapter = made;
        this.all = new BroadcastOperatorImpl(
                server, () -> List.of(this), new BroadcastOptions(Set.of(), Set.of(), false, false));
    }

    /** The dynamic namespace that made this one, or null for a namespace of a fixed name. */
    DynamicNamespace parent() {
        return parent;
    }

    SocketIoServerImpl server() {
        return server;
    }

    long nextAckId() {
        return ackIds.getAndIncrement();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Adapter adapter() {
        return adapter;
    }

    /** True when connection state recovery is on. */
    boolean recovers() {
        return server.options.connectionStateRecovery();
    }

    // ---- server-side events ----

    @Override
    public void serverSideEmit(String event, Object... args) {
        adapter.serverSideEmit(List.copyOf(listOf(Args.event(event, args))));
    }

    @Override
    public CompletableFuture<List<JsonNode>> serverSideEmitWithAck(Duration timeout, String event, Object... args) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        return adapter.serverSideEmitWithAck(listOf(Args.event(event, args)), timeout);
    }

    @Override
    public CompletableFuture<Integer> serverCount() {
        return adapter.serverCount();
    }

    private static List<JsonNode> listOf(ArrayNode array) {
        List<JsonNode> out = new ArrayList<>(array.size());
        array.forEach(out::add);
        return List.copyOf(out);
    }

    /** Another server's server-side event: to this namespace's listeners and its parent's. */
    void onServerSideEvent(String event, List<JsonNode> args, Ack ack) {
        List<ServerSideListener> all = new ArrayList<>(serverSideListeners);
        if (parent != null) {
            all.addAll(parent.serverSideListeners);
        }
        for (ServerSideListener listener : all) {
            try {
                listener.onEvent(event, args, ack);
            } catch (RuntimeException e) {
                LOG.warn("server-side listener of {} failed for '{}'", name, event, e);
            }
        }
    }

    @Override
    public Collection<ServerSocket> sockets() {
        return List.copyOf(socketsById.values());
    }

    @Override
    public Optional<ServerSocket> socket(String id) {
        return Optional.ofNullable(socketsById.get(id));
    }

    // ---- admission (on the client's loop) ----

    void add(ClientConnection client, ObjectNode auth) {
        JsonNode pid = auth.get("pid");
        JsonNode offset = auth.get("offset");
        if (!recovers() || pid == null || !pid.isTextual() || offset == null || !offset.isTextual()) {
            add(client, auth, null);
            return;
        }
        CompletableFuture<RestoredSession> restoring;
        try {
            restoring = adapter.restoreSession(pid.textValue(), offset.textValue());
        } catch (RuntimeException e) {
            restoring = CompletableFuture.failedFuture(e);
        }
        restoring.whenComplete((restored, error) -> client.execute(() -> {
            if (error != null) {
                LOG.warn("adapter of {} failed to restore a session; the socket starts afresh", name, error);
            }
            if (client.isOpen()) {
                add(client, auth, error == null ? restored : null);
            }
        }));
    }

    private void add(ClientConnection client, ObjectNode auth, RestoredSession restored) {
        ServerSocketImpl socket = new ServerSocketImpl(this, client, auth, restored);
        if (restored != null && server.options.recoverySkipsMiddlewares()) {
            admit(client, socket, restored);
            return;
        }
        List<Middleware> chain = new ArrayList<>();
        if (parent != null) {
            chain.addAll(parent.middlewares);
        }
        chain.addAll(middlewares);
        runMiddleware(client, socket, chain, 0, restored);
    }

    private void runMiddleware(
            ClientConnection client,
            ServerSocketImpl socket,
            List<Middleware> chain,
            int index,
            RestoredSession restored) {
        if (!client.isOpen()) {
            return;
        }
        if (index == chain.size()) {
            admit(client, socket, restored);
            return;
        }
        CompletionStage<Void> stage;
        try {
            stage = chain.get(index).check(socket);
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        if (stage == null) {
            stage = CompletableFuture.completedFuture(null);
        }
        stage.whenComplete((ok, error) -> client.execute(() -> {
            if (error != null) {
                refuse(client, error);
            } else {
                runMiddleware(client, socket, chain, index + 1, restored);
            }
        }));
    }

    private void refuse(ClientConnection client, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (!client.isOpen()) {
            return;
        }
        client.refused(name);
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("message", cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        if (cause instanceof ConnectionRefusedException refused && refused.data() != null) {
            payload.set("data", refused.data());
        }
        client.write(SocketEncoder.encode(SocketPacket.connectError(name, payload)), false);
    }

    private void admit(ClientConnection client, ServerSocketImpl socket, RestoredSession restored) {
        client.added(socket);
        socketsById.put(socket.id(), socket);
        socket.onConnected(restored);
        List<Consumer<ServerSocket>> listeners = new ArrayList<>();
        if (parent != null) {
            listeners.addAll(parent.connectionListeners);
        }
        listeners.addAll(connectionListeners);
        for (Consumer<ServerSocket> listener : listeners) {
            if (!socket.connected()) {
                return;
            }
            try {
                listener.accept(socket);
            } catch (RuntimeException e) {
                LOG.warn("connection listener of {} failed", name, e);
            }
        }
    }

    void removed(ServerSocketImpl socket) {
        socketsById.remove(socket.id(), socket);
    }

    @Override
    BroadcastOperator all() {
        return all;
    }

    @Override
    public String toString() {
        return "Namespace[" + name + "]";
    }
}
