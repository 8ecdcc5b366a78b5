package io.pulseio.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Engine.IO v4 handshake: the JSON text of the OPEN packet.
 *
 * @param sid the session id
 * @param upgrades the transports the session may upgrade to (e.g. {@code ["websocket"]})
 * @param pingInterval milliseconds between the server's pings
 * @param pingTimeout milliseconds the server waits for a pong, and that a client adds to the
 *     interval before declaring the link dead
 * @param maxPayload the largest HTTP body, in bytes, the server accepts from a polling client
 */
public record Handshake(String sid, List<String> upgrades, long pingInterval, long pingTimeout, long maxPayload) {

    public Handshake {
        Objects.requireNonNull(sid, "sid");
        upgrades = List.copyOf(upgrades);
    }

    /** Parses the text of an OPEN packet. */
    public static Handshake parse(String json) {
        if (json == null) {
            throw new ProtocolException("handshake is not a JSON object");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("handshake is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ProtocolException("handshake is not a JSON object");
        }
        JsonNode sid = node.get("sid");
        if (sid == null || !sid.isTextual() || sid.asText().isEmpty()) {
            throw new ProtocolException("handshake has no sid");
        }
        List<String> upgrades = new ArrayList<>();
        JsonNode ups = node.get("upgrades");
        if (ups != null) {
            if (!ups.isArray()) {
                throw new ProtocolException("handshake upgrades is not an array");
            }
            for (JsonNode u : ups) {
                if (!u.isTextual()) {
                    throw new ProtocolException("handshake upgrades holds a non-string");
                }
                upgrades.add(u.asText());
            }
        }
        return new Handshake(
                sid.asText(),
                upgrades,
                millis(node, "pingInterval"),
                millis(node, "pingTimeout"),
                millis(node, "maxPayload"));
    }

    /** The JSON text of this handshake, as a server sends it. */
    public String toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("sid", sid);
        ArrayNode ups = node.putArray("upgrades");
        upgrades.forEach(ups::add);
        node.put("pingInterval", pingInterval);
        node.put("pingTimeout", pingTimeout);
        node.put("maxPayload", maxPayload);
        return node.toString();
    }

    private static long millis(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
            throw new ProtocolException("handshake " + field + " is not a non-negative integer");
        }
        return v.asLong();
    }
}
