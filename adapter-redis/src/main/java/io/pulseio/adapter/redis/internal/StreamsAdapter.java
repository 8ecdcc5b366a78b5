package io.pulseio.adapter.redis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.server.AckReply;
import io.pulseio.server.AckTimeoutException;
import io.pulseio.server.RemoteSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One namespace over the {@code @socket.io/redis-streams-adapter} 0.3.x protocol: broadcasts,
 * joins, leaves and disconnects go into the namespace's Redis stream ({@code XADD ... MAXLEN ~}),
 * whose entry ids are the offsets of connection state recovery; requests (fetchSockets,
 * serverSideEmit, broadcasts with acks) go to the pub/sub channel {@code <prefix>#<nsp>#} and
 * their answers to the requester's {@code <prefix>#<nsp>#<uid>#}. The server count is the number
 * of subscribers of the first. Incoming messages are handled by {@link StreamsRequests}, sessions
 * by {@link StreamsRecovery}. Thread-safe.
 */
public final class StreamsAdapter extends LocalAdapter {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.adapter.redis");

    final RedisLink link;
    final StreamsOptions options;
    final String uid = Ids.hex16();
    final String stream;
    final String publicChannel;
    private final String privateChannel;
    private final byte[] streamKey;
    final ConcurrentHashMap<String, Pending> requests = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, AckWait> ackRequests = new ConcurrentHashMap<>();
    private final StreamsRequests incoming;
    private final StreamsRecovery recovery;
    private final StreamReader reader;
    private final Runnable closed;
    private final AtomicBoolean closing = new AtomicBoolean();

    /** @param closed runs once when this adapter is closed */
    public StreamsAdapter(Context context, StreamsHub hub, Runnable closed) {
        super(context);
        this.link = hub.link;
        this.options = hub.options;
        this.closed = closed;
        String nsp = context.namespace();
        this.stream = options.streamFor(nsp);
        this.streamKey = RedisLink.bytes(stream);
        this.publicChannel = options.channelPrefix() + "#" + nsp + "#";
        this.privateChannel = publicChannel + uid + "#";
        this.incoming = new StreamsRequests(this);
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

    StreamsWire.Message message(int type, JsonNode data) {
        return new StreamsWire.Message(uid, context.namespace(), type, data);
    }

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

    void publish(int type, JsonNode data) {
        link.publish(publicChannel, StreamsWire.pubsub(message(type, data)), options.shardedPubSub());
    }

    void respond(String requester, int type, ObjectNode data) {
        link.publish(
                options.channelPrefix() + "#" + context.namespace() + "#" + requester + "#",
                StreamsWire.pubsub(message(type, data)),
                options.shardedPubSub());
    }

    /** Delivers to this server's sockets, with the entry id as offset when it is replayable. */
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

    @Override
    public void broadcastWithAck(
            SocketPacket packet,
            BroadcastOptions options,
            Duration timeout,
            IntConsumer clientCount,
            Consumer<AckReply> reply) {
        if (!options.local()) {
            String requestId = Ids.hex16();
            ObjectNode data = Wire.F.objectNode();
            data.set("packet", Wire.packet(packet));
            data.put("requestId", requestId);
            data.set("opts", Wire.options(options, timeout.toMillis()));
            ackRequests.put(requestId, new AckWait(clientCount, reply));
            context.scheduler()
                    .schedule(() -> ackRequests.remove(requestId), timeout.toMillis(), TimeUnit.MILLISECONDS);
            publish(ClusterTypes.BROADCAST, data);
        }
        local.broadcastWithAck(packet, options, timeout, clientCount, reply);
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
    public CompletableFuture<List<RemoteSocket>> fetchSockets(BroadcastOptions options) {
        List<RemoteSocket> mine = local.fetchSockets(options).join();
        if (options.local()) {
            return CompletableFuture.completedFuture(mine);
        }
        return serverCount().thenCompose(count -> {
            if (count <= 1) {
                return CompletableFuture.completedFuture(mine);
            }
            ObjectNode data = Wire.F.objectNode();
            data.set("opts", Wire.options(options, 0));
            Pending pending = ask(
                    ClusterTypes.FETCH_SOCKETS,
                    data,
                    count - 1,
                    this.options.requestsTimeout(),
                    p -> new TimeoutException("timeout reached: only "
                            + p.soFar().size() + " responses received out of " + p.expected
                            + " (fetchSockets)"));
            return pending.done.thenApply(answers -> {
                List<RemoteSocket> all = new ArrayList<>(mine);
                answers.forEach(sockets -> sockets.forEach(s -> all.add(Wire.socket(s))));
                return List.copyOf(all);
            });
        });
    }

    /** Publishes a request and waits for {@code expected} answers, failing after the timeout. */
    private Pending ask(
            int type,
            ObjectNode data,
            int expected,
            Duration timeout,
            java.util.function.Function<Pending, Throwable> onTimeout) {
        String requestId = Ids.hex16();
        data.put("requestId", requestId);
        Pending pending = new Pending(type, expected);
        requests.put(requestId, pending);
        var timer = context.scheduler()
                .schedule(
                        () -> pending.done.completeExceptionally(onTimeout.apply(pending)),
                        timeout.toMillis(),
                        TimeUnit.MILLISECONDS);
        pending.done.whenComplete((x, e) -> {
            timer.cancel(false);
            requests.remove(requestId);
        });
        publish(type, data);
        return pending;
    }

    @Override
    public void serverSideEmit(List<JsonNode> packet) {
        ObjectNode data = Wire.F.objectNode();
        data.set("packet", Wire.F.arrayNode().addAll(packet));
        publish(ClusterTypes.SERVER_SIDE_EMIT, data);
    }

    @Override
    public CompletableFuture<List<JsonNode>> serverSideEmitWithAck(List<JsonNode> packet, Duration timeout) {
        return serverCount().thenCompose(count -> {
            if (count <= 1) {
                return CompletableFuture.completedFuture(List.<JsonNode>of());
            }
            ObjectNode data = Wire.F.objectNode();
            data.set("packet", Wire.F.arrayNode().addAll(packet));
            return ask(ClusterTypes.SERVER_SIDE_EMIT, data, count - 1, timeout, p -> {
                        List<JsonNode> soFar = p.soFar();
                        return new AckTimeoutException(
                                "timeout reached: only " + soFar.size() + " responses received out of " + p.expected,
                                soFar.stream()
                                        .map(a -> new AckReply(null, List.of(a)))
                                        .toList());
                    })
                    .done;
        });
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
