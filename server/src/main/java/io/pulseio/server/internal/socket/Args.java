package io.pulseio.server.internal.socket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.pulseio.protocol.Json;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Turns user values into packet JSON and packet JSON into listener arguments. */
final class Args {
  static final Set<String> RESERVED = Set.of("connect", "connect_error", "disconnect",
      "disconnecting", "newListener", "removeListener");

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

  static JsonNode toJson(Object value) {
    if (value == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    if (value instanceof JsonNode node) {
      return node;
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
      throw new IllegalArgumentException("cannot convert " + value.getClass().getName()
          + " to JSON: " + e.getMessage(), e);
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
