package io.pulseio.adapter.redis.internal;

import io.pulseio.server.Adapter;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What a cluster adapter keeps on this server: rooms in an in-memory adapter made on the same
 * context, which also delivers to the local sockets. Subclasses add the forwarding.
 */
abstract class LocalAdapter implements Adapter {
    final Context context;
    final Adapter local;

    LocalAdapter(Context context) {
        this.context = context;
        this.local = Adapter.inMemory().create(context);
    }

    @Override
    public void addAll(String socketId, Set<String> rooms) {
        local.addAll(socketId, rooms);
    }

    @Override
    public void del(String socketId, String room) {
        local.del(socketId, room);
    }

    @Override
    public void delAll(String socketId) {
        local.delAll(socketId);
    }

    @Override
    public Set<String> socketRooms(String socketId) {
        return local.socketRooms(socketId);
    }

    @Override
    public Set<String> sockets(Set<String> rooms) {
        return local.sockets(rooms);
    }

    @Override
    public Set<String> targets(BroadcastOptions options) {
        return local.targets(options);
    }

    @Override
    public void persistSession(Session session) {
        local.persistSession(session);
    }

    @Override
    public CompletableFuture<RestoredSession> restoreSession(String pid, String offset) {
        return local.restoreSession(pid, offset);
    }
}
