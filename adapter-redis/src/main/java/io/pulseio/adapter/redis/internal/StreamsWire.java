package io.pulseio.adapter.redis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.protocol.SocketPacketType;
import io.pulseio.server.Adapter.BroadcastOptions;
import io.pulseio.server.Adapter.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the streams adapter puts on Redis: a message {@code {uid, nsp, type, data}} as the fields
 * of a stream entry ({@code type} as decimal text, {@code data} as JSON text, or base64
 * MessagePack when it holds binary) or as one MessagePack map on a pub/sub channel; and a kept
 * session as base64 MessagePack {@code {sid, pid, rooms, data}}. Pure.
 */
final class StreamsWire {
    /** One message of the cluster; {@code data} is null when it has none. */
    record Message(String uid, String nsp, int type, JsonNode data) {}

    private StreamsWire() {}

    /** The fields of a stream entry, in Node's order. */
    static Map<byte[], byte[]> fields(Message m) {
        Map<byte[], byte[]> out = new LinkedHashMap<>();
        out.put(RedisLink.bytes("uid"), RedisLink.bytes(m.uid()));
        out.put(RedisLink.bytes("nsp"), RedisLink.bytes(m.nsp()));
        out.put(RedisLink.bytes("type"), RedisLink.bytes(Integer.toString(m.type())));
        if (m.data() != null) {
            byte[] data = ClusterTypes.mayHoldBinary(m.type()) && hasBinary(m.data())
                    ? Base64.getEncoder().encode(Wire.msgpack(m.data()))
                    : Wire.json(m.data());
            out.put(RedisLink.bytes("data"), data);
        }
        return out;
    }

    /**
     * A stream entry's message; null when it names no namespace (Node skips those too).
     *
     * @throws IOException when a field cannot be read
     */
    static Message fromFields(Map<byte[], byte[]> body) throws IOException {
        String uid = null;
        String nsp = null;
        String type = null;
        String data = null;
        for (Map.Entry<byte[], byte[]> e : body.entrySet()) {
            String value = new String(e.getValue(), StandardCharsets.UTF_8);
            switch (new String(e.getKey(), StandardCharsets.UTF_8)) {
                case "uid" -> uid = value;
                case "nsp" -> nsp = value;
                case "type" -> type = value;
                case "data" -> data = value;
                default -> {}
            }
        }
        if (nsp == null || nsp.isEmpty()) {
            return null;
        }
        int t;
        try {
            t = Integer.parseInt(type == null ? "" : type.trim());
        } catch (NumberFormatException e) {
            throw new IOException("type '" + type + "' is not a number");
        }
        JsonNode tree = null;
        if (data != null && !data.isEmpty()) {
            try {
                tree = data.startsWith("{")
                        ? Wire.read(RedisLink.bytes(data))
                        : Wire.readMsgpack(Base64.getDecoder().decode(data));
            } catch (IllegalArgumentException e) {
                throw new IOException("data is neither JSON nor base64: " + e.getMessage());
            }
        }
        return new Message(uid, nsp, t, tree);
    }

    /** A message for a pub/sub channel. */
    static byte[] pubsub(Message m) {
        ObjectNode out = Wire.F.objectNode();
        out.put("uid", m.uid());
        out.put("nsp", m.nsp());
        out.put("type", m.type());
        if (m.data() != null) {
            out.set("data", m.data());
        }
        return Wire.msgpack(out);
    }

    /** A message from a pub/sub channel; null when it is not a message map. */
    static Message fromPubsub(byte[] payload) throws IOException {
        JsonNode m = Wire.readMsgpack(payload);
        if (!m.isObject() || !m.path("type").canConvertToInt()) {
            return null;
        }
        JsonNode data = m.get("data");
        return new Message(
                m.path("uid").asText(null),
                m.path("nsp").asText(""),
                m.path("type").asInt(),
                data == null || data.isNull() ? null : data);
    }

    static boolean hasBinary(JsonNode node) {
        if (node.isBinary()) {
            return true;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (hasBinary(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether connection state recovery keeps this packet (socket.io's rule). */
    static boolean replayable(SocketPacket packet, BroadcastOptions options) {
        return packet.type() == SocketPacketType.EVENT
                && !packet.hasAckId()
                && !options.volatileOnly()
                && packet.data() instanceof ArrayNode;
    }

    /** The packet with {@code offset} appended to its data array. */
    static SocketPacket withOffset(SocketPacket packet, String offset) {
        ArrayNode data = Wire.F.arrayNode(packet.data().size() + 1);
        data.addAll((ArrayNode) packet.data());
        data.add(offset);
        return new SocketPacket(packet.type(), packet.namespace(), packet.ackId(), data);
    }

    static byte[] session(Session s) {
        ObjectNode out = Wire.F.objectNode();
        out.put("sid", s.sid());
        out.put("pid", s.pid());
        out.set("rooms", Wire.array(s.rooms()));
        ObjectNode data = out.putObject("data");
        s.data().forEach(data::set);
        return Base64.getEncoder().encode(Wire.msgpack(out));
    }

    /** A kept session, as Node or this adapter wrote it. */
    static Session session(byte[] base64) throws IOException {
        JsonNode s;
        try {
            s = Wire.readMsgpack(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new IOException("a session that is not base64: " + e.getMessage());
        }
        if (!s.path("sid").isTextual() || !s.path("pid").isTextual()) {
            throw new IOException("a session without sid and pid");
        }
        Map<String, JsonNode> data = new LinkedHashMap<>();
        s.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue()));
        return new Session(s.get("sid").textValue(), s.get("pid").textValue(), Wire.rooms(s.get("rooms")), data);
    }
}
