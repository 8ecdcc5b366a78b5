package io.pulseio.nodes.socketio.internal.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.Json;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The message conversion rules between Socket.IO event arguments and the String {@code message} pins
 * (documented in {@code docs/socketio-nodes.md}). Pure and thread-safe.
 *
 * <p>Received arguments become text: none is {@code ""}; a single string is itself; any other single
 * value is its JSON text; several arguments are the JSON text of the array of them. Binary data, wherever
 * it is, is written as the object {@code {"$binary":"<standard base64 with padding>"}}.
 *
 * <p>Sent messages: in {@code text} mode the message is one string argument; in {@code json} mode it is
 * parsed (strictly: one JSON value, nothing after it) and sent as one argument, with every object of
 * exactly the form {@code {"$binary":"<base64>"}} sent as binary data, so a received message can be sent
 * back unchanged.
 */
public final class MessageText {
    /** The field name that marks binary data in message text. */
    public static final String BINARY_FIELD = "$binary";
    /** Send's {@code messageFormat} values. */
    public static final String TEXT = "text";

    public static final String JSON = "json";

    private MessageText() {}

    /** The text of received (or sent) arguments. */
    public static String text(List<JsonNode> args) {
        if (args.isEmpty()) {
            return "";
        }
        if (args.size() == 1) {
            JsonNode only = args.get(0);
            return only.isTextual() ? only.textValue() : jsonText(only);
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode(args.size());
        args.forEach(array::add);
        return jsonText(array);
    }

    /** Compact JSON text of a value, binary written as {@code {"$binary":"..."}}. */
    public static String jsonText(JsonNode value) {
        try {
            return Json.MAPPER.writeValueAsString(withBinaryAsText(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /**
     * The arguments to emit for {@code message} in {@code format} ({@link #TEXT} or {@link #JSON}).
     *
     * @throws IllegalArgumentException with a message for people when {@code json} text is not valid JSON
     */
    public static Object[] arguments(String message, String format) {
        if (!JSON.equals(format)) {
            return new Object[] {message};
        }
        return new Object[] {withTextAsBinary(parse(message))};
    }

    /** Parses one JSON value strictly; the exception message says what is wrong and where. */
    public static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("message is not valid JSON: it is empty");
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            String what = e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[[^\\]]*\\]\\)", "");
            throw new IllegalArgumentException("message is not valid JSON: " + what + where);
        }
    }

    private static JsonNode withBinaryAsText(JsonNode node) {
        if (node instanceof BinaryNode binary) {
            ObjectNode marker = JsonNodeFactory.instance.objectNode();
            marker.put(BINARY_FIELD, Base64.getEncoder().encodeToString(binary.binaryValue()));
            return marker;
        }
        if (!containsBinary(node)) {
            return node;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(e -> copy.add(withBinaryAsText(e)));
            return copy;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            copy.set(e.getKey(), withBinaryAsText(e.getValue()));
        }
        return copy;
    }

    private static boolean containsBinary(JsonNode node) {
        if (node.isBinary()) {
            return true;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (containsBinary(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode withTextAsBinary(JsonNode node) {
        if (node.isObject()) {
            byte[] bytes = binaryMarker(node);
            if (bytes != null) {
                return BinaryNode.valueOf(bytes);
            }
            ObjectNode object = (ObjectNode) node;
            for (Map.Entry<String, JsonNode> e : java.util.List.copyOf(object.properties())) {
                object.set(e.getKey(), withTextAsBinary(e.getValue()));
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, withTextAsBinary(array.get(i)));
            }
        }
        return node;
    }

    /** The bytes of a {@code {"$binary":"<base64>"}} object; null for any other object. */
    private static byte[] binaryMarker(JsonNode object) {
        if (object.size() != 1 || !object.path(BINARY_FIELD).isTextual()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(object.get(BINARY_FIELD).textValue());
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
