package io.pulseio.server.internal.socket;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.server.AckReply;
import io.pulseio.server.Adapter.BroadcastOptions;
import io.pulseio.server.BroadcastOperator;
import io.pulseio.server.RemoteSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** An immutable selection of rooms over one namespace (or all children of a dynamic one). */
final class BroadcastOperatorImpl implements BroadcastOperator {
    private final SocketIoServerImpl server;
    private final Supplier<List<NamespaceImpl>> namespaces;
    private final BroadcastOptions options;

    BroadcastOperatorImpl(
            SocketIoServerImpl server, Supplier<List<NamespaceImpl>> namespaces, BroadcastOptions options) {
        this.server = server;
        this.namespaces = namespaces;
        this.options = options;
    }

    private BroadcastOperator with(BroadcastOptions changed) {
        return new BroadcastOperatorImpl(server, namespaces, changed);
    }

    @Override
    public BroadcastOperator to(String... more) {
        return with(new BroadcastOptions(
                plus(options.rooms(), more), options.except(), options.volatileOnly(), options.local()));
    }

    @Override
    public BroadcastOperator except(String... more) {
        return with(new BroadcastOptions(
                options.rooms(), plus(options.except(), more), options.volatileOnly(), options.local()));
    }

    @Override
    public BroadcastOperator volatileOnly() {
        return with(new BroadcastOptions(options.rooms(), options.except(), true, options.local()));
    }

    @Override
    public BroadcastOperator local() {
        return with(options.asLocal());
    }

    @Override
    public void emit(String event, Object... args) {
        ArrayNode data = Args.event(event, args);
        for (NamespaceImpl nsp : namespaces.get()) {
            nsp.adapter().broadcast(SocketPacket.event(nsp.name(), data, SocketPacket.NO_ACK), options);
        }
    }

    @Override
    public CompletableFuture<List<AckReply>> emitWithAck(Duration timeout, String event, Object... args) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        ArrayNode data = Args.event(event, args);
        List<NamespaceImpl> targets = namespaces.get();
        AckCollector collector = new AckCollector(targets.size());
        collector.startTimer(server.scheduler(), timeout.toMillis());
        for (NamespaceImpl nsp : targets) {
            if (options.local()) {
                collector.servers(1);
            } else {
                nsp.adapter().serverCount().whenComplete((count, error) -> {
                    if (error == null) {
                        collector.servers(count);
                    } // else: the count stays unknown and the timer ends the wait
                });
            }
            SocketPacket packet = SocketPacket.event(nsp.name(), data, nsp.nextAckId());
            nsp.adapter().broadcastWithAck(packet, options, timeout, collector::reached, collector::reply);
        }
        return collector.future;
    }

    @Override
    public Set<String> socketIds() {
        Set<String> ids = new HashSet<>();
        for (NamespaceImpl nsp : namespaces.get()) {
            ids.addAll(nsp.adapter().targets(options));
        }
        return ids;
    }

    @Override
    public CompletableFuture<List<RemoteSocket>> fetchSockets() {
        List<CompletableFuture<List<RemoteSocket>>> parts = new ArrayList<>();
        for (NamespaceImpl nsp : namespaces.get()) {
            parts.add(nsp.adapter().fetchSockets(options));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<RemoteSocket> all = new ArrayList<>();
            parts.forEach(p -> all.addAll(p.join()));
            return List.copyOf(all);
        });
    }

    @Override
    public void socketsJoin(String... rooms) {
        Set<String> add = plus(Set.of(), rooms);
        for (NamespaceImpl nsp : namespaces.get()) {
            nsp.adapter().addSockets(options, add);
        }
    }

    @Override
    public void socketsLeave(String... rooms) {
        Set<String> remove = plus(Set.of(), rooms);
        for (NamespaceImpl nsp : namespaces.get()) {
            nsp.adapter().delSockets(options, remove);
        }
    }

    @Override
    public void disconnectSockets(boolean close) {
        for (NamespaceImpl nsp : namespaces.get()) {
            nsp.adapter().disconnectSockets(options, close);
        }
    }

    private static Set<String> plus(Set<String> set, String[] more) {
        Set<String> out = new LinkedHashSet<>(set);
        for (String room : more) {
            if (room == null) {
                throw new IllegalArgumentException("room must not be null");
            }
            out.add(room);
        }
        return Set.copyOf(out);
    }
}
