package io.pulseio.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.Json;
import java.io.IOException;

/**
 * Sets one plugin switch ({@code "plugins": {"id": {"enabled": b}}}) in a project file's text while
 * keeping every other character of the file as it was: the edit is made in place, at the offsets
 * the JSON parser reports. The result is checked by parsing it; should the in-place edit ever come
 * out wrong, the file is rewritten from its parsed tree instead (same content, standard layout).
 */
final class PluginSwitchEditor {
    private static final JsonFactory FACTORY = new JsonFactory();

    private PluginSwitchEditor() {}

    /** The text with the switch of {@code pluginId} set to {@code enabled}. */
    static String set(String text, String pluginId, boolean enabled) throws IOException {
        JsonNode expected = expected(text, pluginId, enabled);
        String edited;
        try {
            edited = inPlace(text, pluginId, enabled);
        } catch (IOException | RuntimeException e) {
            edited = null;
        }
        if (edited != null && parsesTo(edited, expected)) {
            return edited;
        }
        return Json.PRETTY.writeValueAsString(expected) + System.lineSeparator();
    }

    private static boolean parsesTo(String edited, JsonNode expected) {
        try {
            return Json.MAPPER.readTree(edited).equals(expected);
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode expected(String text, String pluginId, boolean enabled) throws IOException {
        JsonNode root = Json.MAPPER.readTree(text);
        if (root == null || !root.isObject()) {
            throw new IOException("the project file does not hold a JSON object");
        }
        ObjectNode copy = root.deepCopy();
        JsonNode plugins = copy.get("plugins");
        ObjectNode switches = plugins instanceof ObjectNode o ? o : copy.putObject("plugins");
        JsonNode entry = switches.get(pluginId);
        if (entry instanceof ObjectNode o) {
            o.put("enabled", enabled);
        } else {
            switches.putObject(pluginId).put("enabled", enabled);
        }
        return copy;
    }

    private static String inPlace(String text, String pluginId, boolean enabled) throws IOException {
        String value = Boolean.toString(enabled);
        String entry = quote(pluginId) + ": { \"enabled\": " + value + " }";
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            int rootOpen = offset(p);
            int afterName = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken token = p.nextToken();
                if (field.equals("plugins") && token == JsonToken.START_OBJECT) {
                    return inPlugins(text, p, pluginId, value, entry);
                }
                if (field.equals("plugins")) {
                    // not an object (a mistake): the switch takes its place, the rest of the file stays
                    return replaceValue(text, p, "{ " + entry + " }");
                }
                if (field.equals("name") && token.isScalarValue()) {
                    p.finishToken();
                    afterName = (int) p.currentLocation().getCharOffset();
                }
                p.skipChildren();
            }
            String sectionText = "\"plugins\": { " + entry + " }";
            if (afterName > 0) {
                return splice(text, afterName, afterName, "," + memberSpacing(text, rootOpen) + sectionText);
            }
            return splice(text, rootOpen + 1, rootOpen + 1, memberSpacing(text, rootOpen) + sectionText + ",");
        }
    }

    /** The parser stands on the {@code plugins} object's opening brace. */
    private static String inPlugins(String text, JsonParser p, String pluginId, String value, String entry)
            throws IOException {
        int open = offset(p);
        boolean empty = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            empty = false;
            String id = p.currentName();
            JsonToken token = p.nextToken();
            if (id.equals(pluginId) && token != JsonToken.START_OBJECT) {
                return replaceValue(text, p, "{ \"enabled\": " + value + " }");
            }
            if (id.equals(pluginId)) {
                int entryOpen = offset(p);
                boolean members = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    members = true;
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if (field.equals("enabled") && v.isScalarValue()) {
                        int start = offset(p);
                        p.finishToken();
                        int end = v == JsonToken.VALUE_TRUE
                                ? start + 4
                                : v == JsonToken.VALUE_FALSE
                                        ? start + 5
                                        : (int) p.currentLocation().getCharOffset();
                        return splice(text, start, end, value);
                    }
                    p.skipChildren();
                }
                if (!members) {
                    return splice(text, entryOpen, offset(p) + 1, "{ \"enabled\": " + value + " }");
                }
                return splice(text, entryOpen + 1, entryOpen + 1, " \"enabled\": " + value + ",");
            }
            p.skipChildren();
        }
        if (empty) {
            int close = offset(p);
            return splice(text, open, close + 1, "{ " + entry + " }");
        }
        return splice(text, open + 1, open + 1, memberSpacing(text, open) + entry + ",");
    }

    /** Replaces the value the parser stands on (a scalar, or an array or object with its contents). */
    private static String replaceValue(String text, JsonParser p, String insert) throws IOException {
        int start = offset(p);
        JsonToken token = p.currentToken();
        int end;
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_NULL) {
            end = start + 4;
        } else if (token == JsonToken.VALUE_FALSE) {
            end = start + 5;
        } else {
            p.skipChildren();
            p.finishToken();
            end = (int) p.currentLocation().getCharOffset();
        }
        return splice(text, start, end, insert);
    }

    /** The whitespace between an object's opening brace and its first member ({@code "\n  "}, say). */
    private static String memberSpacing(String text, int open) {
        int i = open + 1;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        String spacing = text.substring(open + 1, i);
        return spacing.isEmpty() ? " " : spacing;
    }

    private static int offset(JsonParser p) {
        return (int) p.currentTokenLocation().getCharOffset();
    }

    private static String splice(String text, int from, int to, String insert) {
        return text.substring(0, from) + insert + text.substring(to);
    }

    private static String quote(String s) throws IOException {
        return Json.PRETTY.writeValueAsString(s);
    }
}
