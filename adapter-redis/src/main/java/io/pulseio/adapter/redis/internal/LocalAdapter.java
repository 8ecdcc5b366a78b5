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
        this(context, false);
    }

    /**
     * @param roomEvents whether {@link #roomCreated} and {@link #roomDeleted} are called as the
     *     local rooms come and go
     */
    LocalAdapter(Context context, boolean roomEvents) {
        this.context = context;
        this.local = roomEvents
                ? Adapter.inMemory(context, new RoomListener() {
                    @Override
                    public void created(String room) {
                        roomCreated(room);
                    }

                    @Override
                    public void deleted(String room) {
                        roomDeleted(room);
                    }
                })
                : Adapter.inMemory().create(context);
    }

    /** A local room got its first socket (with room events on; on the thread that added it). */
    void roomCreated(String room) {}

    /** A local room lost its last socket (with room events on; on the thread that removed it). */
    void roomDeleted(String room) {}

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
