package io.pulseio.adapter.redis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.SocketPacket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One namespace over the {@code @socket.io/redis-streams-adapter} 0.3.x protocol: broadcasts,
 * joins, leaves and disconnects go into the namespace's Redis stream ({@code XADD ... MAXLEN ~}),
 * whose entry ids are the offsets of connection state recovery; requests (fetchSockets,
 * serverSideEmit, broadcasts with acks) go to the pub/sub channel {@code <prefix>#<nsp>#} and
 * their answers to the requester's {@code <prefix>#<nsp>#<uid>#}. The server count is the number
 * of subscribers of the first. Incoming messages are handled by {@link ClusterRequests}, sessions
 * by {@link StreamsRecovery}. Thread-safe.
 */
public final class StreamsAdapter extends ClusterPeer {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.adapter.redis");

    final RedisLink link;
    final StreamsOptions options;
    final String stream;
    final String publicChannel;
    private final String privateChannel;
    private final byte[] streamKey;
    private final ClusterRequests incoming;
    private final StreamsRecovery recovery;
    private final StreamReader reader;
    private final Runnable closed;
    private final AtomicBoolean closing = new AtomicBoolean();

    /** @param closed runs once when this adapter is closed */
    public StreamsAdapter(Context context, StreamsHub hub, Runnable closed) {
        super(context, false);
        this.link = hub.link;
        this.options = hub.options;
        this.closed = closed;
        String nsp = context.namespace();
        this.stream = options.streamFor(nsp);
        this.streamKey = RedisLink.bytes(stream);
        this.publicChannel = options.channelPrefix() + "#" + nsp + "#";
        this.privateChannel = publicChannel + uid + "#";
        this.incoming = new ClusterRequests(this);
        this.recovery = context.connectionStateRecovery()
                .map(keep -> new StreamsRecovery(this, keep))
                .orElse(null);
        this.reader = hub.reader(stream);
        reader.register(nsp, incoming::onMessage);
        if (options.shardedPubSub()) {
            link.ssubscribe(List.of(publicChannel, privateChannel), this::onPubsub);
        } else {
            link.subscribe(List.of(publicChannel, privateChannel), this::onPubsub);
        }
    }

    private void onPubsub(String channel, byte[] payload) {
        StreamsWire.Message message;
        try {
            message = StreamsWire.fromPubsub(payload);
        } catch (Exception e) {
            LOG.warn("{}: a message that is not MessagePack was dropped: {}", channel, e.toString());
            return;
        }
        if (message != null) {
            incoming.onMessage(message, null);
        }
    }

    // ---- sending ----

    /** Adds a message to the stream; the future holds its entry id. */
    CompletableFuture<String> append(int type, JsonNode data) {
        var fields = StreamsWire.fields(message(type, data));
        var args = io.lettuce.core.XAddArgs.Builder.maxlen(options.maxLen()).approximateTrimming();
        CompletableFuture<String> id =
                link.command("add to stream '" + stream + "'", c -> c.xadd(streamKey, args, fields));
        id.whenComplete((x, e) -> {
            if (e != null) {
                link.warnDown(RedisLink.rootMessage(e));
            }
        });
        return id;
    }

    @Override
    void publish(int type, ObjectNode data) {
        link.publish(publicChannel, StreamsWire.pubsub(message(type, data)), options.shardedPubSub());
    }

    @Override
    Duration requestsTimeout() {
        return options.requestsTimeout();
    }

    @Override
    String where() {
        return publicChannel;
    }

    @Override
    void respond(String requester, int type, ObjectNode data) {
        link.publish(
                options.channelPrefix() + "#" + context.namespace() + "#" + requester + "#",
                StreamsWire.pubsub(message(type, data)),
                options.shardedPubSub());
    }

    /** Delivers to this server's sockets, with the entry id as offset when it is replayable. */
    @Override
    void deliver(SocketPacket packet, BroadcastOptions options, String offset) {
        SocketPacket toSend = offset != null && recovery != null && StreamsWire.replayable(packet, options)
                ? StreamsWire.withOffset(packet, offset)
                : packet;
        context.send(toSend, local.targets(options), options.volatileOnly());
    }

    @Override
    public void broadcast(SocketPacket packet, BroadcastOptions options) {
        if (options.local()) {
            deliver(packet, options, null);
            return;
        }
        ObjectNode data = Wire.F.objectNode();
        data.set("packet", Wire.packet(packet));
        data.set("opts", Wire.options(options, 0));
        CompletableFuture<String> id = append(ClusterTypes.BROADCAST, data);
        if (recovery != null && StreamsWire.replayable(packet, options) && link.connected()) {
            // the offset is the entry's id: deliver once Redis gave it (in order: one connection)
            id.whenComplete((offset, e) -> deliver(packet, options, offset));
        } else {
            deliver(packet, options, null);
        }
    }

    private void selectionRequest(int type, BroadcastOptions options, String field, JsonNode value) {
        ObjectNode data = Wire.F.objectNode();
        data.set("opts", Wire.options(options, 0));
        data.set(field, value);
        append(type, data);
    }

    @Override
    public void addSockets(BroadcastOptions options, Set<String> rooms) {
        local.addSockets(options, rooms);
        if (!options.local()) {
            selectionRequest(ClusterTypes.SOCKETS_JOIN, options, "rooms", Wire.array(rooms));
        }
    }

    @Override
    public void delSockets(BroadcastOptions options, Set<String> rooms) {
        local.delSockets(options, rooms);
        if (!options.local()) {
            selectionRequest(ClusterTypes.SOCKETS_LEAVE, options, "rooms", Wire.array(rooms));
        }
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        if (!options.local()) {
            selectionRequest(ClusterTypes.DISCONNECT_SOCKETS, options, "close", Wire.F.booleanNode(close));
        }
        local.disconnectSockets(options, close);
    }

    @Override
    public CompletableFuture<Integer> serverCount() {
        return link.numsub(publicChannel, options.shardedPubSub());
    }

    @Override
    public void persistSession(Session session) {
        if (recovery != null) {
            recovery.persist(session);
        }
    }

    @Override
    public CompletableFuture<RestoredSession> restoreSession(String pid, String offset) {
        return recovery == null ? CompletableFuture.completedFuture(null) : recovery.restore(pid, offset);
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            reader.unregister(context.namespace());
            if (options.shardedPubSub()) {
                link.sunsubscribe(List.of(publicChannel, privateChannel));
            } else {
                link.unsubscribe(List.of(publicChannel, privateChannel), null);
            }
        } finally {
            closed.run();
        }
    }
}
