package io.pulseio.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.protocol.SocketPacket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/** An adapter that hands every call to another one; tests override what they change. */
class ForwardingAdapter implements Adapter {
    final Adapter inner;

    ForwardingAdapter(Adapter inner) {
        this.inner = inner;
    }

    @Override
    public void addAll(String socketId, Set<String> rooms) {
        inner.addAll(socketId, rooms);
    }

    @Override
    public void del(String socketId, String room) {
        inner.del(socketId, room);
    }

    @Override
    public void delAll(String socketId) {
        inner.delAll(socketId);
    }

    @Override
    public Set<String> socketRooms(String socketId) {
        return inner.socketRooms(socketId);
    }

    @Override
    public Set<String> sockets(Set<String> rooms) {
        return inner.sockets(rooms);
    }

    @Override
    public Set<String> targets(BroadcastOptions options) {
        return inner.targets(options);
    }

    @Override
    public void broadcast(SocketPacket packet, BroadcastOptions options) {
        inner.broadcast(packet, options);
    }

    @Override
    public void broadcastWithAck(
            SocketPacket packet,
            BroadcastOptions options,
            Duration timeout,
            IntConsumer clientCount,
            Consumer<AckReply> reply) {
        inner.broadcastWithAck(packet, options, timeout, clientCount, reply);
    }

    @Override
    public void addSockets(BroadcastOptions options, Set<String> rooms) {
        inner.addSockets(options, rooms);
    }

    @Override
    public void delSockets(BroadcastOptions options, Set<String> rooms) {
        inner.delSockets(options, rooms);
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        inner.disconnectSockets(options, close);
    }

    @Override
    public CompletableFuture<List<RemoteSocket>> fetchSockets(BroadcastOptions options) {
        return inner.fetchSockets(options);
    }

    @Override
    public void serverSideEmit(List<JsonNode> packet) {
        inner.serverSideEmit(packet);
    }

    @Override
    public CompletableFuture<List<JsonNode>> serverSideEmitWithAck(List<JsonNode> packet, Duration timeout) {
        return inner.serverSideEmitWithAck(packet, timeout);
    }

    @Override
    public CompletableFuture<Integer> serverCount() {
        return inner.serverCount();
    }

    @Override
    public void persistSession(Session session) {
        inner.persistSession(session);
    }

    @Override
    public CompletableFuture<RestoredSession> restoreSession(String pid, String offset) {
        return inner.restoreSession(pid, offset);
    }

    @Override
    public void close() {
        inner.close();
    }
}
