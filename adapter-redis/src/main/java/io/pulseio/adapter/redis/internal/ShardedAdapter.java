package io.pulseio.adapter.redis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.SocketPacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One namespace over the sharded variant of {@code @socket.io/redis-adapter} 8.x
 * ({@code createShardedAdapter}, Redis 7 sharded pub/sub): socket.io-adapter's
 * {@code ClusterAdapter} messages ({@link ShardedWire}) published with {@code SPUBLISH} to
 * {@code <prefix>#<nsp>#}, answers to the requester's {@code <prefix>#<nsp>#<uid>#}, servers
 * counted with {@code PUBSUB SHARDNUMSUB} of the first. In the dynamic modes a broadcast to one
 * room goes to that room's own channel {@code <prefix>#<nsp>#<room>#}, to which a server is
 * subscribed while the room has sockets on it: public rooms only ({@link Mode#DYNAMIC}; a room
 * that is a local socket's id is private, and a broadcast to a room of 20 characters, the length
 * of socket ids, goes to the namespace's channel as Node sends it), or every room
 * ({@link Mode#DYNAMIC_PRIVATE}). Thread-safe.
 */
public final class ShardedAdapter extends ClusterPeer {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.adapter.redis");
    /** The length of socket ids, by which Node's sender tells a private room in dynamic mode. */
    private static final int SOCKET_ID_LENGTH = 20;

    /** Node's {@code subscriptionMode}. */
    public enum Mode {
        /** Two channels per namespace: every message on the namespace's. */
        STATIC("static"),
        /** Also one channel per public room (Node's default). */
        DYNAMIC("dynamic"),
        /** Also one channel per room, socket ids included. */
        DYNAMIC_PRIVATE("dynamic-private");

        private final String nodeName;

        Mode(String nodeName) {
            this.nodeName = nodeName;
        }

        /** The name Node's option takes. */
        public String nodeName() {
            return nodeName;
        }

        /** The mode of Node's name; null when there is none of that name. */
        public static Mode of(String nodeName) {
            for (Mode m : values()) {
                if (m.nodeName.equals(nodeName)) {
                    return m;
                }
            }
            return null;
        }
    }

    private final RedisLink link;
    private final Mode mode;
    private final Duration requestsTimeout;
    private final String channel;
    private final String responseChannel;
    private final ClusterRequests incoming;
    private final Runnable closed;
    private final AtomicBoolean closing = new AtomicBoolean();
    /** The rooms whose channel this namespace is subscribed to (guarded by itself). */
    private final Set<String> roomChannels = new HashSet<>();

    /**
     * @param prefix the channels' prefix (Node's {@code channelPrefix})
     * @param closed runs once when this adapter is closed
     */
    public ShardedAdapter(
            Context context, RedisLink link, String prefix, Mode mode, Duration requestsTimeout, Runnable closed) {
        super(context, mode != Mode.STATIC);
        this.link = link;
        this.mode = mode;
        this.requestsTimeout = requestsTimeout;
        this.closed = closed;
        this.channel = prefix + "#" + context.namespace() + "#";
        this.responseChannel = channel + uid + "#";
        this.incoming = new ClusterRequests(this);
        link.ssubscribe(List.of(channel, responseChannel), this::onMessage);
    }

    private void onMessage(String from, byte[] payload) {
        StreamsWire.Message message;
        try {
            message = ShardedWire.decode(payload);
        } catch (Exception e) {
            LOG.warn("{}: a message that is neither JSON nor MessagePack was dropped: {}", from, e.toString());
            return;
        }
        if (message == null) {
            LOG.debug("{}: a message without a numeric type was dropped", from);
            return;
        }
        incoming.onMessage(message, null);
    }

    // ---- rooms (dynamic modes) ----

    @Override
    void roomCreated(String room) {
        followRoom(room);
    }

    @Override
    void roomDeleted(String room) {
        followRoom(room);
    }

    /**
     * Subscribes to the room's channel or unsubscribes from it as the room is now. Under one lock,
     * so that the commands reach Redis in the order of the states they follow (two threads' events
     * for one room may arrive crossed; each reads the room back).
     */
    private void followRoom(String room) {
        synchronized (roomChannels) {
            if (closing.get()) {
                return;
            }
            boolean wanted = hasOwnChannel(room) && !local.sockets(Set.of(room)).isEmpty();
            if (wanted && roomChannels.add(room)) {
                link.ssubscribe(List.of(roomChannel(room)), this::onMessage);
            } else if (!wanted && roomChannels.remove(room)) {
                link.sunsubscribe(List.of(roomChannel(room)));
            }
        }
    }

    /** Whether this server listens on the room's own channel (Node's receiving rule). */
    private boolean hasOwnChannel(String room) {
        return mode == Mode.DYNAMIC_PRIVATE
                || (mode == Mode.DYNAMIC && local.socketRooms(room).isEmpty());
    }

    private String roomChannel(String room) {
        return channel + room + "#";
    }

    /** The rooms whose channels this namespace is subscribed to now (for tests). */
    Set<String> roomChannels() {
        synchronized (roomChannels) {
            return Set.copyOf(roomChannels);
        }
    }

    // ---- sending ----

    private void send(String to, int type, ObjectNode data) {
        link.publish(to, ShardedWire.encode(message(type, data)), true);
    }

    @Override
    void publish(int type, ObjectNode data) {
        send(channel, type, data);
    }

    @Override
    void respond(String requester, int type, ObjectNode data) {
        send(channel + requester + "#", type, data);
    }

    @Override
    void deliver(SocketPacket packet, BroadcastOptions options, String offset) {
        local.broadcast(packet, options);
    }

    @Override
    Duration requestsTimeout() {
        return requestsTimeout;
    }

    @Override
    String where() {
        return channel;
    }

    @Override
    public void broadcast(SocketPacket packet, BroadcastOptions options) {
        if (!options.local()) {
            ObjectNode data = Wire.F.objectNode();
            data.set("packet", Wire.packet(packet));
            data.set("opts", Wire.options(options, 0));
            send(channelOf(options), ClusterTypes.BROADCAST, data);
        }
        local.broadcast(packet, options);
    }

    /**
     * Where a broadcast without acks goes (Node's sending rule): to its one room's channel in the
     * dynamic modes (not a room of a socket id's length in {@code dynamic}), else to the
     * namespace's. A broadcast with acks always goes to the namespace's: it waits for the answers
     * of every server.
     */
    private String channelOf(BroadcastOptions options) {
        if (options.rooms().size() != 1 || mode == Mode.STATIC) {
            return channel;
        }
        String room = options.rooms().iterator().next();
        return mode == Mode.DYNAMIC_PRIVATE || room.length() != SOCKET_ID_LENGTH ? roomChannel(room) : channel;
    }

    private void selection(int type, BroadcastOptions options, String field, JsonNode value) {
        ObjectNode data = Wire.F.objectNode();
        data.set("opts", Wire.options(options, 0));
        data.set(field, value);
        publish(type, data);
    }

    @Override
    public void addSockets(BroadcastOptions options, Set<String> rooms) {
        local.addSockets(options, rooms);
        if (!options.local()) {
            selection(ClusterTypes.SOCKETS_JOIN, options, "rooms", Wire.array(rooms));
        }
    }

    @Override
    public void delSockets(BroadcastOptions options, Set<String> rooms) {
        local.delSockets(options, rooms);
        if (!options.local()) {
            selection(ClusterTypes.SOCKETS_LEAVE, options, "rooms", Wire.array(rooms));
        }
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        if (!options.local()) {
            selection(ClusterTypes.DISCONNECT_SOCKETS, options, "close", Wire.F.booleanNode(close));
        }
        local.disconnectSockets(options, close);
    }

    @Override
    public CompletableFuture<Integer> serverCount() {
        return link.numsub(channel, true);
    }

    @Override
    public void close() {
        List<String> channels = new ArrayList<>(List.of(channel, responseChannel));
        synchronized (roomChannels) {
            if (!closing.compareAndSet(false, true)) {
                return;
            }
            roomChannels.forEach(room -> channels.add(roomChannel(room)));
            roomChannels.clear();
        }
        try {
            link.sunsubscribe(channels);
        } finally {
            closed.run();
        }
    }
}
