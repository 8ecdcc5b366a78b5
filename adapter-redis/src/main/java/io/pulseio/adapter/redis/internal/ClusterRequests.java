package io.pulseio.adapter.redis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.server.AckReply;
import io.pulseio.server.Adapter.BroadcastOptions;
import io.pulseio.server.RemoteSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles what other servers of the cluster send on socket.io-adapter's {@code ClusterAdapter}
 * protocol (the streams adapter, from the stream with the entry id or from a pub/sub channel
 * without; the sharded classic adapter, from its sharded channels): broadcasts, joins, leaves,
 * disconnects, requests (each answered: a Node.js requester waits for as many answers as the
 * channel has subscribers) and the answers to this server's requests.
 */
final class ClusterRequests {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.adapter.redis");
    private final ClusterPeer adapter;

    ClusterRequests(ClusterPeer adapter) {
        this.adapter = adapter;
    }

    void onMessage(StreamsWire.Message m, String offset) {
        if (adapter.uid.equals(m.uid()) || !adapter.context.namespace().equals(m.nsp())) {
            return;
        }
        JsonNode data = m.data() == null ? Wire.F.objectNode() : m.data();
        try {
            switch (m.type()) {
                case ClusterTypes.BROADCAST -> broadcast(m.uid(), data, offset);
                case ClusterTypes.SOCKETS_JOIN ->
                    adapter.local.addSockets(selection(data), Wire.rooms(data.get("rooms")));
                case ClusterTypes.SOCKETS_LEAVE ->
                    adapter.local.delSockets(selection(data), Wire.rooms(data.get("rooms")));
                case ClusterTypes.DISCONNECT_SOCKETS ->
                    adapter.local.disconnectSockets(
                            selection(data), data.path("close").asBoolean(false));
                case ClusterTypes.FETCH_SOCKETS -> fetchSockets(m.uid(), data);
                case ClusterTypes.SERVER_SIDE_EMIT -> serverSideEmit(m.uid(), data);
                case ClusterTypes.FETCH_SOCKETS_RESPONSE,
                        ClusterTypes.SERVER_SIDE_EMIT_RESPONSE,
                        ClusterTypes.BROADCAST_CLIENT_COUNT,
                        ClusterTypes.BROADCAST_ACK -> onResponse(m.type(), data);
                default -> {} // heartbeats of older streams adapters, types of later versions
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: handling a message of type {} from {} failed", adapter.where(), m.type(), m.uid(), e);
        }
    }

    private static BroadcastOptions selection(JsonNode data) {
        return Wire.options(data.get("opts"));
    }

    private static String requestId(JsonNode data) {
        JsonNode id = data.get("requestId");
        return id == null || id.isNull() ? null : id.asText();
    }

    private void broadcast(String from, JsonNode data, String offset) {
        JsonNode packet = data.get("packet");
        if (packet == null) {
            return;
        }
        String requestId = requestId(data);
        if (requestId == null) {
            SocketPacket event = Wire.event(packet, adapter.context.namespace(), SocketPacket.NO_ACK);
            if (event != null) {
                adapter.deliver(event, selection(data), offset);
            }
            return;
        }
        SocketPacket event = Wire.event(packet, adapter.context.namespace(), adapter.context.nextAckId());
        if (event == null) {
            return;
        }
        JsonNode opts = data.get("opts");
        long timeout = opts == null ? 0 : opts.path("flags").path("timeout").asLong(0);
        adapter.local.broadcastWithAck(
                event,
                selection(data),
                Duration.ofMillis(timeout > 0 ? timeout : 5000),
                count -> {
                    ObjectNode r = answer(requestId);
                    r.put("clientCount", count);
                    adapter.respond(from, ClusterTypes.BROADCAST_CLIENT_COUNT, r);
                },
                reply -> {
                    ObjectNode r = answer(requestId);
                    r.set(
                            "packet",
                            reply.args().isEmpty()
                                    ? Wire.F.nullNode()
                                    : reply.args().get(0));
                    adapter.respond(from, ClusterTypes.BROADCAST_ACK, r);
                });
    }

    private void fetchSockets(String from, JsonNode data) {
        String requestId = requestId(data);
        if (requestId == null) {
            return;
        }
        List<RemoteSocket> sockets = adapter.local.fetchSockets(selection(data)).join();
        ObjectNode r = answer(requestId);
        ArrayNode out = r.putArray("sockets");
        sockets.forEach(s -> out.add(Wire.socket(s)));
        adapter.respond(from, ClusterTypes.FETCH_SOCKETS_RESPONSE, r);
    }

    private void serverSideEmit(String from, JsonNode data) {
        JsonNode packet = data.get("packet");
        if (packet == null || !packet.isArray()) {
            return;
        }
        List<JsonNode> args = new ArrayList<>();
        packet.forEach(args::add);
        String requestId = requestId(data);
        if (requestId == null) {
            adapter.context.serverSideEvent(args, null);
            return;
        }
        adapter.context.serverSideEvent(args, arg -> {
            ObjectNode r = answer(requestId);
            r.set("packet", arg);
            adapter.respond(from, ClusterTypes.SERVER_SIDE_EMIT_RESPONSE, r);
        });
    }

    private void onResponse(int type, JsonNode data) {
        String requestId = requestId(data);
        if (requestId == null) {
            return;
        }
        AckWait ack = adapter.ackRequests.get(requestId);
        if (ack != null) {
            if (type == ClusterTypes.BROADCAST_CLIENT_COUNT) {
                ack.clientCount().accept(data.path("clientCount").asInt(0));
            } else if (type == ClusterTypes.BROADCAST_ACK) {
                JsonNode arg = data.get("packet");
                ack.reply().accept(new AckReply(null, List.of(arg == null ? Wire.F.nullNode() : arg)));
            }
            return;
        }
        Pending<JsonNode> pending = adapter.requests.get(requestId);
        if (pending == null) {
            return;
        }
        if (type == ClusterTypes.FETCH_SOCKETS_RESPONSE && pending.type == ClusterTypes.FETCH_SOCKETS) {
            JsonNode sockets = data.get("sockets");
            pending.answer(sockets != null && sockets.isArray() ? sockets : Wire.F.arrayNode());
        } else if (type == ClusterTypes.SERVER_SIDE_EMIT_RESPONSE && pending.type == ClusterTypes.SERVER_SIDE_EMIT) {
            JsonNode arg = data.get("packet");
            pending.answer(arg == null ? Wire.F.nullNode() : arg);
        }
    }

    private static ObjectNode answer(String requestId) {
        ObjectNode r = Wire.F.objectNode();
        r.put("requestId", requestId);
        return r;
    }
}
