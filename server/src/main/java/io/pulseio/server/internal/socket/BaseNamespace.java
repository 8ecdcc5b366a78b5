package io.pulseio.server.internal.socket;

import io.pulseio.server.AckReply;
import io.pulseio.server.BroadcastOperator;
import io.pulseio.server.Middleware;
import io.pulseio.server.Namespace;
import io.pulseio.server.RemoteSocket;
import io.pulseio.server.ServerSideListener;
import io.pulseio.server.ServerSocket;
import io.pulseio.server.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What a namespace and a dynamic namespace do alike: keep their middleware and connection
 * listeners, and broadcast through the operator that reaches all of their sockets.
 */
abstract class BaseNamespace implements Namespace {
    final List<Middleware> middlewares = new CopyOnWriteArrayList<>();
    final List<Consumer<ServerSocket>> connectionListeners = new CopyOnWriteArrayList<>();
    final List<ServerSideListener> serverSideListeners = new CopyOnWriteArrayList<>();

    /** The operator that reaches every socket of this namespace (no rooms, no exceptions). */
    abstract BroadcastOperator all();

    @Override
    public Subscription use(Middleware middleware) {
        middlewares.add(middleware);
        return () -> middlewares.remove(middleware);
    }

    @Override
    public Subscription onConnection(Consumer<ServerSocket> listener) {
        connectionListeners.add(listener);
        return () -> connectionListeners.remove(listener);
    }

    @Override
    public Subscription onServerSideEmit(ServerSideListener listener) {
        serverSideListeners.add(listener);
        return () -> serverSideListeners.remove(listener);
    }

    @Override
    public BroadcastOperator to(String... rooms) {
        return all().to(rooms);
    }

    @Override
    public BroadcastOperator except(String... rooms) {
        return all().except(rooms);
    }

    @Override
    public BroadcastOperator volatileOnly() {
        return all().volatileOnly();
    }

    @Override
    public BroadcastOperator local() {
        return all().local();
    }

    @Override
    public CompletableFuture<List<RemoteSocket>> fetchSockets() {
        return all().fetchSockets();
    }

    @Override
    public void socketsJoin(String... rooms) {
        all().socketsJoin(rooms);
    }

    @Override
    public void socketsLeave(String... rooms) {
        all().socketsLeave(rooms);
    }

    @Override
    public void emit(String event, Object... args) {
        all().emit(event, args);
    }

    @Override
    public CompletableFuture<List<AckReply>> emitWithAck(Duration timeout, String event, Object... args) {
        return all().emitWithAck(timeout, event, args);
    }

    @Override
    public Set<String> socketIds() {
        return all().socketIds();
    }

    @Override
    public void disconnectSockets(boolean close) {
        all().disconnectSockets(close);
    }
}
