package io.pulseio.studio.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a project file deterministically: two-space indentation, {@code "key": value}, one array
 * element or object member per line, {@code []} and {@code {}} when empty, a final newline, and the
 * known members of the format in a fixed order (the order of docs/project-format.md; other members
 * keep theirs, after the known ones). Strings are escaped minimally (quote, backslash, control
 * characters; nothing else), so a file written this way reads back byte for byte. Stateless.
 */
public final class ProjectWriter {
    private static final List<String> ROOT =
            List.of("$schema", "format", "name", "description", "plugins", "settings", "logic");
    private static final List<String> LOGIC = List.of("variables", "project", "scenes", "startScene", "functions");
    private static final List<String> GRAPH = List.of("name", "inputs", "outputs", "nodes", "links");
    private static final List<String> NODE = List.of("id", "type", "attributes", "inputs", "position", "comment");
    private static final List<String> LINK = List.of("from", "to");
    private static final List<String> POSITION = List.of("x", "y");

    private ProjectWriter() {}

    /** The project as file text. */
    public static String write(JsonNode project) {
        StringBuilder b = new StringBuilder();
        value(b, project, "", Role.ROOT);
        return b.append('\n').toString();
    }

    private enum Role {
        ROOT,
        LOGIC,
        GRAPH,
        GRAPHS,
        NODES,
        NODE,
        LINKS,
        LINK,
        POSITION,
        OTHER
    }

    private static void value(StringBuilder b, JsonNode v, String indent, Role role) {
        if (v.isObject()) {
            object(b, v, indent, role);
        } else if (v.isArray()) {
            if (v.isEmpty()) {
                b.append("[]");
                return;
            }
            Role element = switch (role) {
                case GRAPHS -> Role.GRAPH;
                case NODES -> Role.NODE;
                case LINKS -> Role.LINK;
                default -> Role.OTHER;
            };
            b.append("[\n");
            String inner = indent + "  ";
            for (int i = 0; i < v.size(); i++) {
                b.append(inner);
                value(b, v.get(i), inner, element);
                b.append(i + 1 < v.size() ? ",\n" : "\n");
            }
            b.append(indent).append(']');
        } else if (v.isTextual()) {
            string(b, v.textValue());
        } else if (v.isFloatingPointNumber()) {
            b.append(v.decimalValue().toString().replace('E', 'e'));
        } else {
            b.append(v.toString());
        }
    }

    private static void object(StringBuilder b, JsonNode v, String indent, Role role) {
        if (v.isEmpty()) {
            b.append("{}");
            return;
        }
        List<Map.Entry<String, JsonNode>> members = ordered(
                v,
                switch (role) {
                    case ROOT -> ROOT;
                    case LOGIC -> LOGIC;
                    case GRAPH -> GRAPH;
                    case NODE -> NODE;
                    case LINK -> LINK;
                    case POSITION -> POSITION;
                    default -> List.of();
                });
        b.append("{\n");
        String inner = indent + "  ";
        for (int i = 0; i < members.size(); i++) {
            Map.Entry<String, JsonNode> m = members.get(i);
            b.append(inner);
            string(b, m.getKey());
            b.append(": ");
            value(b, m.getValue(), inner, child(role, m.getKey()));
            b.append(i + 1 < members.size() ? ",\n" : "\n");
        }
        b.append(indent).append('}');
    }

    private static Role child(Role parent, String key) {
        return switch (parent) {
            case ROOT -> "logic".equals(key) ? Role.LOGIC : Role.OTHER;
            case LOGIC ->
                switch (key) {
                    case "project" -> Role.GRAPH;
                    case "scenes", "functions" -> Role.GRAPHS;
                    default -> Role.OTHER;
                };
            case GRAPH ->
                switch (key) {
                    case "nodes" -> Role.NODES;
                    case "links" -> Role.LINKS;
                    default -> Role.OTHER;
                };
            case NODE -> "position".equals(key) ? Role.POSITION : Role.OTHER;
            default -> Role.OTHER;
        };
    }

    private static List<Map.Entry<String, JsonNode>> ordered(JsonNode v, List<String> known) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (String k : known) {
            if (v.has(k)) {
                out.add(Map.entry(k, v.get(k)));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!known.contains(e.getKey())) {
                out.add(e);
            }
        }
        return out;
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
