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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * One namespace of a server speaking socket.io-adapter's {@code ClusterAdapter} protocol (messages
 * {@code {uid, nsp, type, data}}, {@link ClusterTypes}), as the streams adapter and the sharded
 * classic adapter do: the requests this server makes and waits on (broadcasts with acks,
 * fetchSockets, serverSideEmit), which a Node.js peer answers once per server, counted by the
 * subscribers of a channel. Subclasses say how a message travels; {@link ClusterRequests} handles
 * what arrives. Thread-safe.
 */
abstract class ClusterPeer extends LocalAdapter {
    /** This namespace's id in the cluster: 16 hex digits, as Node's. */
    final String uid = Ids.hex16();

    final ConcurrentHashMap<String, Pending<JsonNode>> requests = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, AckWait> ackRequests = new ConcurrentHashMap<>();

    ClusterPeer(Context context, boolean roomEvents) {
        super(context, roomEvents);
    }

    /** Sends a request (or a message for every server) where every server of the namespace hears it. */
    abstract void publish(int type, ObjectNode data);

    /** Answers a request of the server {@code requester}. */
    abstract void respond(String requester, int type, ObjectNode data);

    /**
     * Delivers a broadcast of another server to this server's sockets; {@code offset} is its
     * replay offset, or null.
     */
    abstract void deliver(SocketPacket packet, BroadcastOptions options, String offset);

    /** How long fetchSockets waits for the other servers. */
    abstract Duration requestsTimeout();

    /** Where this namespace's messages go, for log lines. */
    abstract String where();

    StreamsWire.Message message(int type, JsonNode data) {
        return new StreamsWire.Message(uid, context.namespace(), type, data);
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
            Pending<JsonNode> pending = ask(
                    ClusterTypes.FETCH_SOCKETS,
                    data,
                    count - 1,
                    requestsTimeout(),
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
    private Pending<JsonNode> ask(
            int type,
            ObjectNode data,
            int expected,
            Duration timeout,
            java.util.function.Function<Pending<JsonNode>, Throwable> onTimeout) {
        String requestId = Ids.hex16();
        data.put("requestId", requestId);
        Pending<JsonNode> pending = new Pending<>(type, expected);
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
}
