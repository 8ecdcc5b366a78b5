package io.pulseio.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pulseio.protocol.Json;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;

/** Event names and arguments: checking names, turning Java values into JSON and back to lists. */
final class Args {
    private static final Set<String> RESERVED = io.pulseio.client.Socket.RESERVED_EVENTS;

    private Args() {}

    /** Rejects null, empty and reserved event names. */
    static String checkEvent(String event) {
        Objects.requireNonNull(event, "event");
        if (event.isEmpty()) {
            throw new IllegalArgumentException("event name must not be empty");
        }
        if (RESERVED.contains(event)) {
            throw new IllegalArgumentException("\"" + event + "\" is a reserved event name");
        }
        return event;
    }

    /** A JSON array of the optional {@code first} element, then {@code args} converted. */
    static ArrayNode toArray(String first, Object[] args) {
        Objects.requireNonNull(args, "args");
        ArrayNode array = JsonNodeFactory.instance.arrayNode(args.length + 1);
        if (first != null) {
            array.add(first);
        }
        for (Object arg : args) {
            array.add(toNode(arg));
        }
        return array;
    }

    /** One value as JSON: JsonNode as is, byte[] as binary, anything else through the mapper. */
    static JsonNode toNode(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String s) {
            return TextNode.valueOf(s);
        }
        if (value instanceof byte[] bytes) {
            return BinaryNode.valueOf(bytes);
        }
        try {
            JsonNode node = Json.MAPPER.valueToTree(value);
            return node == null ? NullNode.getInstance() : node;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "cannot convert a " + value.getClass().getName() + " to JSON: " + e.getMessage(), e);
        }
    }

    /** The elements {@code from..to} of an array as an unmodifiable list (no copy). */
    static List<JsonNode> view(JsonNode array, int from, int to) {
        if (from >= to) {
            return List.of();
        }
        return new Slice(array, from, to);
    }

    private static final class Slice extends AbstractList<JsonNode> implements RandomAccess {
        private final JsonNode array;
        private final int from;
        private final int size;

        Slice(JsonNode array, int from, int to) {
            this.array = array;
            this.from = from;
            this.size = to - from;
        }

        @Override
        public JsonNode get(int index) {
            Objects.checkIndex(index, size);
            return array.get(from + index);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
