package io.pulseio.server.internal.socket;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.server.Adapter;
import io.pulseio.server.Adapter.BroadcastOptions;
import io.pulseio.server.BroadcastOperator;
import io.pulseio.server.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Namespaces made on demand for the names a predicate accepts; its middleware and connection
 * listeners apply to each of them, and it broadcasts to all of them.
 */
final class DynamicNamespace extends BaseNamespace {
    final Predicate<String> names;
    final List<NamespaceImpl> children = new CopyOnWriteArrayList<>();
    private final BroadcastOperator all;

    DynamicNamespace(SocketIoServerImpl server, Predicate<String> names) {
        this.names = names;
        this.all = new BroadcastOperatorImpl(
                server, () -> children, new BroadcastOptions(Set.of(), Set.of(), false, false));
    }

    @Override
    public String name() {
        return "dynamic" + children.stream().map(NamespaceImpl::name).toList();
    }

    @Override
    public Collection<ServerSocket> sockets() {
        List<ServerSocket> out = new ArrayList<>();
        children.forEach(c -> out.addAll(c.sockets()));
        return out;
    }

    @Override
    public Optional<ServerSocket> socket(String id) {
        for (NamespaceImpl child : children) {
            Optional<ServerSocket> s = child.socket(id);
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    @Override
    public void serverSideEmit(String event, Object... args) {
        throw unsupported("serverSideEmit");
    }

    @Override
    public CompletableFuture<List<JsonNode>> serverSideEmitWithAck(Duration timeout, String event, Object... args) {
        throw unsupported("serverSideEmitWithAck");
    }

    @Override
    public CompletableFuture<Integer> serverCount() {
        throw unsupported("serverCount");
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(
                what + " is not supported on a dynamic namespace: call it on one of its namespaces");
    }

    @Override
    public Adapter adapter() {
        return null;
    }

    @Override
    BroadcastOperator all() {
        return all;
    }
}
