package io.pulseio.bench.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.Json;
import java.util.Map;

/** Writes the project files the runtime benchmarks load: one project-scope graph, variables, connections. */
final class ProjectJson {

    private final ObjectNode root = Json.MAPPER.createObjectNode();
    private final ArrayNode nodes;
    private final ArrayNode links;
    private final ArrayNode variables;

    ProjectJson(String name) {
        root.put("format", 1);
        root.put("name", name);
        ObjectNode logic = root.putObject("logic");
        variables = logic.putArray("variables");
        ObjectNode project = logic.putObject("project");
        nodes = project.putArray("nodes");
        links = project.putArray("links");
    }

    /** Adds a node; {@code attributes} and {@code inputs} may be empty. */
    ProjectJson node(String id, String type, Map<String, ?> attributes, Map<String, ?> inputs) {
        ObjectNode n = nodes.addObject();
        n.put("id", id);
        n.put("type", type);
        if (!attributes.isEmpty()) {
            n.set("attributes", Json.MAPPER.valueToTree(attributes));
        }
        if (!inputs.isEmpty()) {
            n.set("inputs", Json.MAPPER.valueToTree(inputs));
        }
        return this;
    }

    ProjectJson node(String id, String type) {
        return node(id, type, Map.of(), Map.of());
    }

    /** Links {@code from} ({@code node.pin}) to {@code to}. */
    ProjectJson link(String from, String to) {
        ObjectNode l = links.addObject();
        l.put("from", from);
        l.put("to", to);
        return this;
    }

    ProjectJson variable(String name, String type, Object initial) {
        ObjectNode v = variables.addObject();
        v.put("name", name);
        v.put("type", type);
        v.set("initial", Json.MAPPER.valueToTree(initial));
        return this;
    }

    /** A Socket.IO connection over WebSocket only, without reconnection (the raw client's settings). */
    ProjectJson connection(String name, String url, int port) {
        ObjectNode settings = root.has("settings") ? (ObjectNode) root.get("settings") : root.putObject("settings");
        ObjectNode socketio =
                settings.has("socketio") ? (ObjectNode) settings.get("socketio") : settings.putObject("socketio");
        ArrayNode list = socketio.has("connections")
                ? (ArrayNode) socketio.get("connections")
                : socketio.putArray("connections");
        ObjectNode c = list.addObject();
        c.put("name", name);
        c.put("url", url);
        c.put("port", port);
        c.putArray("transports").add("websocket");
        c.putObject("reconnection").put("enabled", false);
        return this;
    }

    String json() {
        return root.toString();
    }
}
