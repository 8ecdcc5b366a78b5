package io.pulseio.logic.core;

import static io.pulseio.logic.core.Core.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.logic.model.PinType;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.protocol.Json;

/**
 * JSON Get: the value at a path in a JSON text. Paths are dotted names with {@code [n]} indexes
 * ({@code user.tags[0]}); an empty path is the whole document. Invalid JSON is an error; a missing
 * path is not ({@code found} is false).
 */
final class JsonGet {

    private JsonGet() {}

    static NodeType type() {
        NodeDescriptor d = node("jsonGet", "JSON Get", "Data")
                .description("Reads the value at path (e.g. user.tags[0]) in a JSON text.")
                .input(PinSpec.required("json", PinType.JSON).describedAs("JSON text, e.g. a received message"))
                .input(PinSpec.optional("path", PinType.STRING, "").describedAs("dotted path with [n] indexes"))
                .output(PinSpec.optional("value", PinType.JSON, "null").describedAs("the value as JSON text"))
                .output(PinSpec.optional("text", PinType.STRING, "")
                        .describedAs("a string as itself, else JSON text; \"\" when missing"))
                .output(PinSpec.optional("found", PinType.BOOLEAN, false).describedAs("whether the path exists"))
                .build();
        return NodeType.of(d, setup -> {
            int json = setup.input("json");
            int path = setup.input("path");
            int value = setup.output("value");
            int text = setup.output("text");
            return new NodeBehaviour() {
                @Override
                public Object compute(NodeContext node, int output) {
                    JsonNode found = at(parse(node.string(json)), node.string(path));
                    if (output == value) {
                        return found == null ? "null" : found.toString();
                    }
                    if (output == text) {
                        return found == null ? "" : found.isTextual() ? found.textValue() : found.toString();
                    }
                    return found != null;
                }
            };
        });
    }

    static JsonNode parse(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("invalid JSON: empty text");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage());
        }
    }

    /** The node at {@code path}, or null when absent. Throws on a malformed path. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode current = root;
        int i = 0;
        int n = path.length();
        while (i < n && current != null) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
                continue;
            }
            if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("invalid path '" + path + "': missing ]");
                }
                String index = path.substring(i + 1, close);
                try {
                    current = current.isArray() ? current.get(Integer.parseInt(index.trim())) : null;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("invalid path '" + path + "': bad index [" + index + "]");
                }
                i = close + 1;
            } else {
                int end = i;
                while (end < n && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                current = current.isObject() ? current.get(path.substring(i, end)) : null;
                i = end;
            }
        }
        return current;
    }
}
