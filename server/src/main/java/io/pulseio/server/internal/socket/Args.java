package io.pulseio.server.internal.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pulseio.protocol.Json;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Turns user values into packet JSON and packet JSON into listener arguments. */
final class Args {
    static final Set<String> RESERVED =
            Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    private Args() {}

    /** {@code [event, args...]}, checking the name. */
    static ArrayNode event(String event, Object[] args) {
        if (event == null || event.isEmpty()) {
            throw new IllegalArgumentException("event name must not be empty");
        }
        if (RESERVED.contains(event)) {
            throw new IllegalArgumentException("'" + event + "' is a reserved event name");
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode(args.length + 1);
        array.add(event);
        for (Object arg : args) {
            array.add(toJson(arg));
        }
        return array;
    }

    /** {@code [args...]} for an ACK. */
    static ArrayNode array(Object[] args) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(args.length);
        for (Object arg : args) {
            array.add(toJson(arg));
        }
        return array;
    }

    /**
     * The tree for one argument. The common kinds (JSON nodes, strings, boxed numbers and booleans,
     * null, bytes) are built directly, as the very trees {@code Json.MAPPER.valueToTree} would give
     * ({@code Short} and {@code Byte} become {@code IntNode}s as there); the mapper, which looks the
     * type up and buffers tokens on every call, handles the rest.
     */
    static JsonNode toJson(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String text) {
            return TextNode.valueOf(text);
        }
        if (value instanceof Integer number) {
            return IntNode.valueOf(number);
        }
        if (value instanceof Long number) {
            return LongNode.valueOf(number);
        }
        if (value instanceof Double number) {
            return DoubleNode.valueOf(number);
        }
        if (value instanceof Boolean bool) {
            return BooleanNode.valueOf(bool);
        }
        if (value instanceof Short number) {
            return IntNode.valueOf(number);
        }
        if (value instanceof Byte number) {
            return IntNode.valueOf(number);
        }
        if (value instanceof Float number) {
            return FloatNode.valueOf(number);
        }
        if (value instanceof byte[] bytes) {
            return BinaryNode.valueOf(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return BinaryNode.valueOf(bytes);
        }
        try {
            return Json.MAPPER.valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "cannot convert " + value.getClass().getName() + " to JSON: " + e.getMessage(), e);
        }
    }

    /** The elements of {@code array} from {@code from} on, unmodifiable. */
    static List<JsonNode> tail(JsonNode array, int from) {
        int n = array.size() - from;
        if (n <= 0) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>(n);
        for (int i = from; i < array.size(); i++) {
            out.add(array.get(i));
        }
        return Collections.unmodifiableList(out);
    }
}
