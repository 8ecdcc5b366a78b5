package io.pulseio.adapter.redis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.server.Adapter.BroadcastOptions;
import io.pulseio.server.RemoteSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers the requests of other servers on the classic protocol, each one (a Node.js requester
 * counts the subscribers of the request channel and waits for every one of them).
 */
final class ClassicRequests {
    private final ClassicAdapter adapter;

    ClassicRequests(ClassicAdapter adapter) {
        this.adapter = adapter;
    }

    void onRequest(JsonNode request) {
        boolean mine = adapter.uid.equals(request.path("uid").asText());
        String requestId = request.path("requestId").asText(null);
        if (mine
                || (requestId != null
                        && (adapter.requests.containsKey(requestId)
                                || adapter.fetches.containsKey(requestId)
                                || adapter.ackRequests.containsKey(requestId)))) {
            return; // this server's own request: its local part is done already
        }
        int type = request.path("type").asInt(-1);
        switch (type) {
            case Types.SOCKETS -> {
                ObjectNode r = answer(requestId);
                r.set("sockets", Wire.array(adapter.local.sockets(Wire.rooms(request.get("rooms")))));
                adapter.publishResponse(Wire.json(r));
            }
            case Types.ALL_ROOMS -> {
                Set<String> rooms = new TreeSet<>();
                for (String id : adapter.local.sockets(Set.of())) {
                    rooms.addAll(adapter.local.socketRooms(id));
                }
                ObjectNode r = answer(requestId);
                r.set("rooms", Wire.array(rooms));
                adapter.publishResponse(Wire.json(r));
            }
            case Types.REMOTE_JOIN -> adapter.local.addSockets(selection(request), Wire.rooms(request.get("rooms")));
            case Types.REMOTE_LEAVE -> adapter.local.delSockets(selection(request), Wire.rooms(request.get("rooms")));
            case Types.REMOTE_DISCONNECT ->
                adapter.local.disconnectSockets(
                        selection(request), request.path("close").asBoolean(false));
            case Types.REMOTE_FETCH -> {
                List<RemoteSocket> sockets =
                        adapter.local.fetchSockets(selection(request)).join();
                adapter.publishResponse(FetchWire.response(requestId, sockets));
            }
            case Types.SERVER_SIDE_EMIT -> serverSideEmit(request, requestId);
            case Types.BROADCAST -> broadcastWithAck(request, requestId);
            default -> {} // responses of other requesters, and types of later versions
        }
    }

    private static ObjectNode answer(String requestId) {
        ObjectNode r = Wire.F.objectNode();
        r.put("requestId", requestId);
        return r;
    }

    private static BroadcastOptions selection(JsonNode request) {
        return Wire.options(request.get("opts"));
    }

    private void serverSideEmit(JsonNode request, String requestId) {
        JsonNode data = request.get("data");
        if (data == null || !data.isArray()) {
            return;
        }
        List<JsonNode> packet = new ArrayList<>();
        data.forEach(packet::add);
        if (requestId == null) {
            adapter.context.serverSideEvent(packet, null);
            return;
        }
        adapter.context.serverSideEvent(packet, arg -> {
            ObjectNode r = answer(requestId);
            r.put("type", Types.SERVER_SIDE_EMIT);
            r.set("data", arg);
            adapter.publishResponse(Wire.json(r));
        });
    }

    private void broadcastWithAck(JsonNode request, String requestId) {
        JsonNode packet = request.get("packet");
        if (packet == null || requestId == null) {
            return;
        }
        SocketPacket event = Wire.event(packet, adapter.context.namespace(), adapter.context.nextAckId());
        if (event == null) {
            return;
        }
        JsonNode opts = request.get("opts");
        long timeout = opts == null ? 0 : opts.path("flags").path("timeout").asLong(0);
        adapter.local.broadcastWithAck(
                event,
                Wire.options(opts),
                Duration.ofMillis(timeout > 0 ? timeout : 5000),
                count -> {
                    ObjectNode r = answer(requestId);
                    r.put("type", Types.BROADCAST_CLIENT_COUNT);
                    r.put("clientCount", count);
                    adapter.publishResponse(Wire.json(r));
                },
                reply -> {
                    ObjectNode r = answer(requestId);
                    r.put("type", Types.BROADCAST_ACK);
                    r.set(
                            "packet",
                            reply.args().isEmpty()
                                    ? Wire.F.nullNode()
                                    : reply.args().get(0));
                    adapter.publishResponse(Wire.msgpack(r));
                });
    }
}
