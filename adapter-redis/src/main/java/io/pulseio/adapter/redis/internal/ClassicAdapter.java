package io.pulseio.adapter.redis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.server.AckReply;
import io.pulseio.server.AckTimeoutException;
import io.pulseio.server.RemoteSocket;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One namespace over the classic {@code @socket.io/redis-adapter} 8.x protocol (Redis pub/sub):
 * local rooms in an in-memory adapter, broadcasts published to the namespace's channels, and the
 * request/response exchange on {@code <key>-request#<nsp>#} / {@code <key>-response#<nsp>#}.
 * Every request of another server is answered ({@link ClassicRequests}). Thread-safe.
 */
public final class ClassicAdapter extends LocalAdapter {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.adapter.redis");

    final RedisLink link;
    final String uid = Ids.uid();
    final String channel;
    final String requestChannel;
    final String responseChannel;
    final String specificResponseChannel;
    private final long requestsTimeoutMillis;
    /** serverSideEmit requests waiting for answers, by request id. */
    final ConcurrentHashMap<String, Pending<JsonNode>> requests = new ConcurrentHashMap<>();
    /** fetchSockets requests waiting for answers, by request id. */
    final ConcurrentHashMap<String, Pending<List<RemoteSocket>>> fetches = new ConcurrentHashMap<>();

    final ConcurrentHashMap<String, AckWait> ackRequests = new ConcurrentHashMap<>();
    private final ClassicRequests incoming;

    private final Runnable closed;
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();

    /** @param closed runs once when this adapter is closed */
    public ClassicAdapter(Context context, RedisLink link, String key, Duration requestsTimeout, Runnable closed) {
        super(context);
        this.closed = closed;
        this.link = link;
        this.requestsTimeoutMillis = requestsTimeout.toMillis();
        String nsp = context.namespace();
        this.channel = key + "#" + nsp + "#";
        this.requestChannel = key + "-request#" + nsp + "#";
        this.responseChannel = key + "-response#" + nsp + "#";
        this.specificResponseChannel = responseChannel + uid + "#";
        this.incoming = new ClassicRequests(this);
        link.psubscribe(channel + "*", this::onBroadcast);
        link.subscribe(List.of(requestChannel, responseChannel, specificResponseChannel), this::onRequestOrResponse);
    }

    // ---- receiving ----

    private void onBroadcast(String from, byte[] message) {
        try {
            String room = from.substring(channel.length(), Math.max(channel.length(), from.length() - 1));
            if (!room.isEmpty() && local.sockets(Set.of(room)).isEmpty()) {
                return;
            }
            JsonNode msg = Wire.readMsgpack(message);
            if (!msg.isArray() || msg.size() < 3 || uid.equals(msg.get(0).asText())) {
                return;
            }
            JsonNode packet = msg.get(1);
            if (!context.namespace().equals(Wire.namespaceOf(packet))) {
                return;
            }
            SocketPacket event = Wire.event(packet, context.namespace(), SocketPacket.NO_ACK);
            if (event == null) {
                LOG.debug("{}: broadcast without an event packet dropped", channel);
                return;
            }
            local.broadcast(event, Wire.options(msg.get(2)));
        } catch (Exception e) {
            LOG.warn("{}: a broadcast from Redis could not be read, dropped: {}", channel, e.toString());
        }
    }

    private void onRequestOrResponse(String from, byte[] message) {
        if (from.startsWith(responseChannel)) {
            onResponse(from, message);
            return;
        }
        JsonNode msg;
        try {
            msg = Wire.read(message);
        } catch (Exception e) {
            LOG.warn("{}: a message that is neither JSON nor MessagePack was dropped: {}", from, e.toString());
            return;
        }
        if (!msg.isObject()) {
            return;
        }
        try {
            incoming.onRequest(msg);
        } catch (RuntimeException e) {
            LOG.warn("{}: handling {} failed", from, msg.path("type"), e);
        }
    }

    /**
     * A response on the shared or this server's own channel. Its request id is read first: most
     * responses on the shared channel answer another server and are not read further.
     */
    private void onResponse(String from, byte[] message) {
        try {
            String requestId = FetchWire.requestId(message);
            if (requestId == null) {
                return;
            }
            Pending<List<RemoteSocket>> fetch = fetches.get(requestId);
            if (fetch != null) {
                List<RemoteSocket> sockets = FetchWire.sockets(message);
                if (sockets != null) {
                    fetch.answer(sockets);
                }
                return;
            }
            AckWait ack = ackRequests.get(requestId);
            Pending<JsonNode> pending = requests.get(requestId);
            if (ack == null && pending == null) {
                return;
            }
            JsonNode response = Wire.read(message);
            if (ack != null) {
                int type = response.path("type").asInt(-1);
                if (type == Types.BROADCAST_CLIENT_COUNT) {
                    ack.clientCount().accept(response.path("clientCount").asInt(0));
                } else if (type == Types.BROADCAST_ACK) {
                    JsonNode arg = response.get("packet");
                    ack.reply().accept(new AckReply(null, List.of(arg == null ? Wire.F.nullNode() : arg)));
                }
            } else if (pending.type == Types.SERVER_SIDE_EMIT) {
                JsonNode data = response.get("data");
                pending.answer(data == null ? Wire.F.nullNode() : data);
            }
        } catch (IOException e) {
            LOG.warn("{}: a message that is neither JSON nor MessagePack was dropped: {}", from, e.toString());
        } catch (RuntimeException e) {
            LOG.warn("{}: handling a response failed", from, e);
        }
    }

    // ---- sending ----

    void publishRequest(JsonNode request, boolean msgpack) {
        link.publish(requestChannel, msgpack ? Wire.msgpack(request) : Wire.json(request));
    }

    void publishResponse(byte[] response) {
        link.publish(responseChannel, response);
    }

    ObjectNode request(int type) {
        ObjectNode r = Wire.F.objectNode();
        r.put("uid", uid);
        r.put("type", type);
        return r;
    }

    @Override
    public void broadcast(SocketPacket packet, BroadcastOptions options) {
        if (!options.local()) {
            ArrayNode msg = Wire.F.arrayNode();
            msg.add(uid);
            msg.add(Wire.packet(packet));
            msg.add(Wire.options(options, 0));
            String to = options.rooms().size() == 1
                    ? channel + options.rooms().iterator().next() + "#"
                    : channel;
            link.publish(to, Wire.msgpack(msg));
        }
        local.broadcast(packet, options);
    }

    @Override
    public void broadcastWithAck(
            SocketPacket packet,
            BroadcastOptions options,
            Duration timeout,
            IntConsumer clientCount,
            Consumer<AckReply> reply) {
        if (!options.local()) {
            String requestId = Ids.uid();
            ObjectNode request = request(Types.BROADCAST);
            request.put("requestId", requestId);
            request.set("packet", Wire.packet(packet));
            request.set("opts", Wire.options(options, timeout.toMillis()));
            ackRequests.put(requestId, new AckWait(clientCount, reply));
            context.scheduler()
                    .schedule(() -> ackRequests.remove(requestId), timeout.toMillis(), TimeUnit.MILLISECONDS);
            publishRequest(request, true);
        }
        local.broadcastWithAck(packet, options, timeout, clientCount, reply);
    }

    @Override
    public void addSockets(BroadcastOptions options, Set<String> rooms) {
        local.addSockets(options, rooms);
        if (!options.local()) {
            ObjectNode r = request(Types.REMOTE_JOIN);
            r.set("opts", Wire.selection(options));
            r.set("rooms", Wire.array(rooms));
            publishRequest(r, false);
        }
    }

    @Override
    public void delSockets(BroadcastOptions options, Set<String> rooms) {
        local.delSockets(options, rooms);
        if (!options.local()) {
            ObjectNode r = request(Types.REMOTE_LEAVE);
            r.set("opts", Wire.selection(options));
            r.set("rooms", Wire.array(rooms));
            publishRequest(r, false);
        }
    }

    @Override
    public void disconnectSockets(BroadcastOptions options, boolean close) {
        if (!options.local()) {
            ObjectNode r = request(Types.REMOTE_DISCONNECT);
            r.set("opts", Wire.selection(options));
            r.put("close", close);
            publishRequest(r, false);
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
            String requestId = Ids.uid();
            ObjectNode r = request(Types.REMOTE_FETCH);
            r.put("requestId", requestId);
            r.set("opts", Wire.selection(options));
            Pending<List<RemoteSocket>> pending = new Pending<>(Types.REMOTE_FETCH, count - 1);
            fetches.put(requestId, pending);
            var timer = context.scheduler()
                    .schedule(
                            () -> pending.done.completeExceptionally(
                                    new TimeoutException("timeout reached while waiting for fetchSockets response")),
                            requestsTimeoutMillis,
                            TimeUnit.MILLISECONDS);
            pending.done.whenComplete((x, e) -> {
                timer.cancel(false);
                fetches.remove(requestId);
            });
            publishRequest(r, false);
            return pending.done.thenApply(answers -> {
                List<RemoteSocket> all = new ArrayList<>(mine);
                answers.forEach(all::addAll);
                return List.copyOf(all);
            });
        });
    }

    @Override
    public void serverSideEmit(List<JsonNode> packet) {
        ObjectNode r = request(Types.SERVER_SIDE_EMIT);
        r.set("data", Wire.F.arrayNode().addAll(packet));
        publishRequest(r, false);
    }

    @Override
    public CompletableFuture<List<JsonNode>> serverSideEmitWithAck(List<JsonNode> packet, Duration timeout) {
        return serverCount().thenCompose(count -> {
            if (count <= 1) {
                return CompletableFuture.completedFuture(List.<JsonNode>of());
            }
            String requestId = Ids.uid();
            ObjectNode r = request(Types.SERVER_SIDE_EMIT);
            r.put("requestId", requestId);
            r.set("data", Wire.F.arrayNode().addAll(packet));
            Pending<JsonNode> pending = new Pending<>(Types.SERVER_SIDE_EMIT, count - 1);
            requests.put(requestId, pending);
            var timer = context.scheduler()
                    .schedule(
                            () -> {
                                List<JsonNode> soFar = pending.soFar();
                                pending.done.completeExceptionally(new AckTimeoutException(
                                        "timeout reached: only " + soFar.size() + " responses received out of "
                                                + (count - 1),
                                        soFar.stream()
                                                .map(a -> new AckReply(null, List.of(a)))
                                                .toList()));
                            },
                            timeout.toMillis(),
                            TimeUnit.MILLISECONDS);
            pending.done.whenComplete((x, e) -> {
                timer.cancel(false);
                requests.remove(requestId);
            });
            publishRequest(r, false);
            return pending.done;
        });
    }

    @Override
    public CompletableFuture<Integer> serverCount() {
        return link.numsub(requestChannel);
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            link.unsubscribe(List.of(requestChannel, responseChannel, specificResponseChannel), channel + "*");
        } finally {
            closed.run();
        }
    }
}
