package io.pulseio.server.internal.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.protocol.SocketPacketType;
import io.pulseio.server.AckReply;
import io.pulseio.server.Adapter;
import io.pulseio.server.RemoteSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Rooms and broadcasts of one namespace in this process, written against the public
 * {@link Adapter.Context} alone: it keeps socket ids by room and hands packets to the context.
 * With connection state recovery on it also keeps the replayable events (offsets of its own
 * choosing) and the sessions of disconnected sockets, in a {@link RecoveryStore}. There is no
 * other server: server-side emits go nowhere, and the server count is 1.
 */
public final class InMemoryAdapter implements Adapter {
    private final Context context;
    private final ConcurrentHashMap<String, Set<String>> rooms = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> socketRooms = new ConcurrentHashMap<>();
    private final RecoveryStore recovery;
    /** The server's own context, through which room changes reach its observers; else null. */
    private final LocalDelivery local;

    /** Told when a room appears and disappears; null for none. */
    private final RoomListener roomListener;

    public InMemoryAdapter(Context context) {
        this(context, null);
    }

    /** @param rooms told when a room gets its first socket and loses its last; null for none */
    public InMemoryAdapter(Context context, RoomListener rooms) {
        this.context = context;
        this.roomListener = rooms;
        this.local = context instanceof LocalDelivery delivery ? delivery : null;
        this.recovery = context.connectionStateRecovery()
                .map(keep -> new RecoveryStore(
                        keep.toMillis(),
                        System::currentTimeMillis,
                        UUID.randomUUID().toString().substring(0, 8) + "-"))
                .orElse(null);
    }

    @Override
    public void addAll(String socketId, Set<String> add) {
        Set<String> mine = socketRooms.computeIfAbsent(socketId, k -> ConcurrentHashMap.newKeySet(2));
        for (String room : add) {
            boolean added = mine.add(room);
            boolean[] created = new boolean[1];
            // one atomic step, so that a socket leaving the room at the same time cannot drop the
            // set this one is being added to
            rooms.compute(room, (k, members) -> {
                if (members == null) {
                    members = ConcurrentHashMap.newKeySet(2);
                    created[0] = true;
                }
                members.add(socketId);
                return members;
            });
            if (added && local != null) {
                local.roomJoined(room, socketId);
            }
            if (created[0] && roomListener != null) {
                roomListener.created(room);
            }
        }
    }

    @Override
    public void del(String socketId, String room) {
        Set<String> mine = socketRooms.get(socketId);
        boolean removed = mine != null && mine.remove(room);
        removeFromRoom(socketId, room);
        if (removed && local != null) {
            local.roomLeft(room, socketId);
        }
    }

    @Override
    public void delAll(String socketId) {
        Set<String> mine = socketRooms.remove(socketId);
        if (mine != null) {
            for (String room : mine) {
                removeFromRoom(socketId, room);
                if (local != null) {
                    local.roomLeft(room, socketId);
                }
            }
        }
    }

    private void removeFromRoom(String socketId, String room) {
        boolean[] deleted = new boolean[1];
        rooms.computeIfPresent(room, (k, members) -> {
            members.remove(socketId);
            deleted[0] = members.isEmpty();
            return deleted[0] ? null : members;
        });
        if (deleted[0] && roomListener != null) {
            roomListener.deleted(room);
        }
    }

    @Override
    public Set<String> socketRooms(String socketId) {
        Set<String> mine = socketRooms.get(socketId);
        return mine == null ? Set.of() : Set.copyOf(mine);
    }

    @Override
    public Set<String> sockets(Set<String> wanted) {
        if (wanted.isEmpty()) {
            return Set.copyOf(socketRooms.keySet());
        }
        Set<String> out = new HashSet<>();
        for (String room : wanted) {
            Set<String> members = rooms.get(room);
            if (members != null) {
                out.addAll(members);
            }
        }
        return out;
    }

    @Override
    public Set<String> targets(BroadcastOptions options) {
        return new HashSet<>(select(options));
    }

    @Override
    public void broadcast(SocketPacket packet, BroadcastOptions options) {
        SocketPacket toSend = packet;
        if (recovery != null && replayable(packet, options)) {
            String offset = recovery.nextOffset();
            ArrayNode data = withOffset(packet, offset);
            recovery.store(offset, options, data);
            toSend = new SocketPacket(packet.type(), packet.namespace(), packet.ackId(), data);
        }
        context.send(toSend, select(options), options.volatileOnly());
    }

    /** Whether connection state recovery keeps this packet for replay (socket.io's rule). */
    public static boolean replayable(SocketPacket packet, BroadcastOptions options) {
        return packet.type() == SocketPacketType.EVENT && !packet.hasAckId() && !options.volatileOnly();
    }

    /** The packet's data array with {@code offset} appended, as a new array. */
    public static ArrayNode withOffset(SocketPacket packet, String offset) {
        ArrayNode data = JsonNodeFactory.instance.arrayNode(packet.data().size() + 1);
        data.addAll((ArrayNode) packet.data());
        data.add(offset);
        return data;
    }

    @Override
    public void broadcastWithAck(
            SocketPacket packet,
            BroadcastOptions options,
            Duration timeout,
            IntConsumer clientCount,
            Consumer<AckReply> reply) {
        clientCount.accept(context.sendWithAck(packet, select(options), timeout, reply));
    }

    @Override
    public void addSockets(BroadcastOptions options, Set<String> add) {
        for (String id : List.copyOf(select(options))) {
            addAll(id, add);
        }
    }

    @Override
    public void delSockets(BroadcastOptions options, Set<String> remove) {
        for (String id : List.copyOf(select(options))) {
            for (String room : remove) {
                del(id, room);
            }
        }
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        context.disconnect(List.copyOf(select(options)), close);
    }

    @Override
    public CompletableFuture<List<RemoteSocket>> fetchSockets(BroadcastOptions options) {
        return CompletableFuture.completedFuture(context.describe(select(options)));
    }

    @Override
    public void serverSideEmit(List<JsonNode> packet) {
        // no other server
    }

    @Override
    public CompletableFuture<List<JsonNode>> serverSideEmitWithAck(List<JsonNode> packet, Duration timeout) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<Integer> serverCount() {
        return CompletableFuture.completedFuture(1);
    }

    @Override
    public void persistSession(Session session) {
        if (recovery != null) {
            recovery.persist(session);
        }
    }

    @Override
    public CompletableFuture<RestoredSession> restoreSession(String pid, String offset) {
        return CompletableFuture.completedFuture(recovery == null ? null : recovery.restore(pid, offset));
    }

    /** The ids the options select, each once. */
    private Collection<String> select(BroadcastOptions options) {
        Set<String> excluded = options.except().isEmpty() ? Set.of() : sockets(options.except());
        if (options.rooms().isEmpty()) {
            if (excluded.isEmpty()) {
                return socketRooms.keySet();
            }
            List<String> out = new ArrayList<>(socketRooms.size());
            for (String id : socketRooms.keySet()) {
                if (!excluded.contains(id)) {
                    out.add(id);
                }
            }
            return out;
        }
        Set<String> seen = options.rooms().size() > 1 ? new HashSet<>() : null;
        List<String> out = new ArrayList<>();
        for (String room : options.rooms()) {
            Set<String> members = rooms.get(room);
            if (members == null) {
                continue;
            }
            for (String id : members) {
                if ((seen == null || seen.add(id)) && !excluded.contains(id)) {
                    out.add(id);
                }
            }
        }
        return out;
    }
}
