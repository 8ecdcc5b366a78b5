package io.pulseio.adapter.redis.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.Json;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.protocol.SocketPacketType;
import io.pulseio.server.Adapter.BroadcastOptions;
import io.pulseio.server.RemoteSocket;
import io.pulseio.server.SocketHandshake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.msgpack.jackson.dataformat.MessagePackFactory;

/**
 * What the Node.js adapters put on Redis, as Jackson trees: MessagePack (binary as {@code bin})
 * or JSON text, the parser-level packet object {@code {type, data, nsp, id?}}, broadcast options
 * {@code {rooms, except, flags}} and fetched sockets {@code {id, handshake, rooms, data}}. Pure.
 */
public final class Wire {
    public static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final ObjectMapper MSGPACK = new ObjectMapper(new MessagePackFactory());
    private static final int EVENT = 2;

    private Wire() {}

    public static byte[] msgpack(JsonNode tree) {
        try {
            return MSGPACK.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write MessagePack", e);
        }
    }

    public static byte[] json(JsonNode tree) {
        try {
            return Json.MAPPER.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON", e);
        }
    }

    /** A message that starts with {@code {} is JSON, anything else MessagePack (as Node reads them). */
    public static JsonNode read(byte[] message) throws IOException {
        if (message.length > 0 && message[0] == '{') {
            return Json.MAPPER.readTree(message);
        }
        return MSGPACK.readTree(message);
    }

    public static JsonNode readMsgpack(byte[] message) throws IOException {
        return MSGPACK.readTree(message);
    }

    /** The parser-level packet Node's adapters send: EVENT type even with binary, no ack id. */
    public static ObjectNode packet(SocketPacket packet) {
        ObjectNode out = F.objectNode();
        out.put("type", EVENT);
        out.set("data", packet.data());
        out.put("nsp", packet.namespace());
        return out;
    }

    /**
     * A packet received from another server, for namespace {@code nsp}; null when it is not an
     * event packet ({@code data} an array starting with a name).
     */
    public static SocketPacket event(JsonNode packet, String nsp, long ackId) {
        JsonNode data = packet.get("data");
        if (data == null || !data.isArray() || data.isEmpty() || !data.get(0).isTextual()) {
            return null;
        }
        return new SocketPacket(SocketPacketType.EVENT, nsp, ackId, data);
    }

    /** The namespace a packet names ({@code /} when it names none). */
    public static String namespaceOf(JsonNode packet) {
        JsonNode nsp = packet.get("nsp");
        return nsp == null || !nsp.isTextual() ? "/" : nsp.textValue();
    }

    /** {@code {rooms, except, flags}}; {@code timeoutMillis} 0 for none. */
    public static ObjectNode options(BroadcastOptions options, long timeoutMillis) {
        ObjectNode out = F.objectNode();
        ArrayNode rooms = out.putArray("rooms");
        options.rooms().forEach(rooms::add);
        ArrayNode except = out.putArray("except");
        options.except().forEach(except::add);
        ObjectNode flags = out.putObject("flags");
        if (options.volatileOnly()) {
            flags.put("volatile", true);
        }
        if (timeoutMillis > 0) {
            flags.put("timeout", timeoutMillis);
        }
        return out;
    }

    /** {@code {rooms, except}} of a request (no flags). */
    public static ObjectNode selection(BroadcastOptions options) {
        ObjectNode out = options(options, 0);
        out.remove("flags");
        return out;
    }

    /** Options received: rooms and except (numbers taken as their text), the volatile flag. */
    public static BroadcastOptions options(JsonNode opts) {
        if (opts == null || !opts.isObject()) {
            return new BroadcastOptions(Set.of(), Set.of(), false, true);
        }
        JsonNode flags = opts.path("flags");
        return new BroadcastOptions(
                rooms(opts.get("rooms")),
                rooms(opts.get("except")),
                flags.path("volatile").asBoolean(false),
                true);
    }

    public static Set<String> rooms(JsonNode array) {
        Set<String> out = new HashSet<>();
        if (array != null && array.isArray()) {
            array.forEach(room -> out.add(room.asText()));
        }
        return out;
    }

    public static ArrayNode array(Iterable<String> values) {
        ArrayNode out = F.arrayNode();
        values.forEach(out::add);
        return out;
    }

    /** A socket as Node's fetchSockets response holds it. */
    public static ObjectNode socket(RemoteSocket socket) {
        ObjectNode out = F.objectNode();
        out.put("id", socket.id());
        SocketHandshake h = socket.handshake();
        ObjectNode hs = out.putObject("handshake");
        ObjectNode headers = hs.putObject("headers");
        h.headers().forEach(headers::put);
        hs.put("time", h.issued().toString());
        hs.put("address", h.address());
        hs.put("xdomain", h.headers().containsKey("origin"));
        hs.put("secure", h.secure());
        hs.put("issued", h.issued().toEpochMilli());
        hs.put("url", "/socket.io/");
        ObjectNode query = hs.putObject("query");
        h.query().forEach(query::put);
        hs.set("auth", h.auth());
        out.set("rooms", array(socket.rooms()));
        out.set("data", socket.data());
        return out;
    }

    /** A socket of another server's fetchSockets response. */
    public static RemoteSocket socket(JsonNode s) {
        JsonNode hs = s.path("handshake");
        JsonNode auth = hs.get("auth");
        SocketHandshake handshake = new SocketHandshake(
                auth != null && auth.isObject() ? (ObjectNode) auth : F.objectNode(),
                texts(hs.get("query")),
                texts(hs.get("headers")),
                hs.path("address").asText(""),
                hs.path("secure").asBoolean(false),
                Instant.ofEpochMilli(hs.path("issued").asLong(0)));
        JsonNode data = s.get("data");
        return new RemoteSocket(
                s.path("id").asText(), handshake, rooms(s.get("rooms")), data == null ? F.nullNode() : data);
    }

    /** An object's values as text; arrays joined with ", ". */
    private static Map<String, String> texts(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        if (object != null && object.isObject()) {
            object.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (v.isArray()) {
                    StringBuilder joined = new StringBuilder();
                    v.forEach(
                            x -> joined.append(joined.length() == 0 ? "" : ", ").append(x.asText()));
                    out.put(e.getKey(), joined.toString());
                } else if (!v.isNull()) {
                    out.put(e.getKey(), v.asText());
                }
            });
        }
        return out;
    }
}
