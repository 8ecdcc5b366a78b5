package io.pulseio.studio.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.logic.NodeRegistry;
import io.pulseio.logic.Toolbox;
import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.Plugin;
import io.pulseio.logic.spi.Signature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The toolbox as the page sees it: the installed plugins and the node types of those a project
 * switches on, in the JSON shape of {@code pulseio nodes --json}, with a {@code key} naming the
 * plugins switched on (the same key, the same toolbox). Thread-safe over an immutable registry;
 * the toolbox of each key is made once.
 */
public final class Catalogue {
    private final NodeRegistry registry;
    private final Map<String, ArrayNode> toolboxes = new ConcurrentHashMap<>();

    public Catalogue(NodeRegistry registry) {
        this.registry = registry;
    }

    /** {@code {"key", "plugins": [{id, canBeDisabled, enabled}], "nodes": [...]}} for this project text. */
    public ObjectNode forProject(String projectText) {
        return forProject(parse(projectText));
    }

    /** The same for a parsed project ({@code MissingNode} when the text is not JSON). */
    public ObjectNode forProject(JsonNode project) {
        JsonNode switches = project.path("plugins");
        Predicate<String> enabled = id -> {
            JsonNode s = switches.path(id).path("enabled");
            return !s.isBoolean() || s.booleanValue();
        };
        ObjectNode out = Json.MAPPER.createObjectNode();
        List<String> on = new ArrayList<>();
        ArrayNode plugins = Json.MAPPER.createArrayNode();
        for (Plugin p : registry.plugins()) {
            boolean isOn = !p.canBeDisabled() || enabled.test(p.id());
            plugins.addObject()
                    .put("id", p.id())
                    .put("canBeDisabled", p.canBeDisabled())
                    .put("enabled", isOn);
            if (isOn) {
                on.add(p.id());
            }
        }
        String key = String.join(",", on);
        out.put("key", key);
        out.set("plugins", plugins);
        // shared between answers: only ever written out, never changed
        out.set("nodes", toolboxes.computeIfAbsent(key, k -> toolbox(on::contains)));
        return out;
    }

    private ArrayNode toolbox(Predicate<String> enabled) {
        try {
            ArrayNode nodes = (ArrayNode) Json.MAPPER.readTree(Toolbox.json(registry.toolbox(enabled)));
            for (JsonNode type : nodes) {
                type.path("inputs").forEach(pin -> ((ObjectNode) pin).put("direction", "in"));
                type.path("outputs").forEach(pin -> ((ObjectNode) pin).put("direction", "out"));
            }
            return nodes;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("toolbox JSON did not parse", e);
        }
    }

    /** The project text parsed, or {@code MissingNode} when it is not JSON. */
    static JsonNode parse(String projectText) {
        try {
            JsonNode root = Json.MAPPER.readTree(projectText);
            return root == null ? Json.MAPPER.missingNode() : root;
        } catch (JsonProcessingException e) {
            return Json.MAPPER.missingNode();
        }
    }

    /** Node id → node type of every graph of a parsed project (project, scenes, functions). */
    static Map<String, String> nodeTypes(JsonNode project) {
        Map<String, String> out = new HashMap<>();
        JsonNode logic = project.path("logic");
        List<JsonNode> graphs = new ArrayList<>();
        graphs.add(logic.path("project"));
        logic.path("scenes").forEach(graphs::add);
        logic.path("functions").forEach(graphs::add);
        for (JsonNode graph : graphs) {
            for (JsonNode node : graph.path("nodes")) {
                if (node.path("id").isTextual() && node.path("type").isTextual()) {
                    out.putIfAbsent(
                            node.path("id").textValue(), node.path("type").textValue());
                }
            }
        }
        return out;
    }

    /**
     * The loader's pins of the nodes whose pins are not their type's descriptor's (a Sequence's
     * {@code count}, a Switch's {@code cases}, a Send's {@code arguments}, a function's ports…), as
     * JSON: {@code {nodeId: {inputs: [pin], outputs: [pin]}}}, a pin being {@code {name, type,
     * direction, required?, default?, description?}} as in the catalogue. Every other node the loader
     * knows has exactly its descriptor's pins. {@code types}: node id → node type.
     */
    public ObjectNode signatures(Map<String, Signature> signatures, Map<String, String> types) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        signatures.forEach((id, signature) -> {
            boolean asDescribed = registry.type(String.valueOf(types.get(id)))
                    .map(t -> Signature.of(t.descriptor()).equals(signature))
                    .orElse(false);
            if (!asDescribed) {
                ObjectNode node = out.putObject(id);
                pins(node.putArray("inputs"), signature.inputs(), "in");
                pins(node.putArray("outputs"), signature.outputs(), "out");
            }
        });
        return out;
    }

    private static void pins(ArrayNode array, List<PinSpec> pins, String direction) {
        for (PinSpec p : pins) {
            ObjectNode o = array.addObject()
                    .put("name", p.name())
                    .put("type", p.type().id())
                    .put("direction", direction);
            if (!p.isPulse()) {
                o.put("required", p.isRequired());
                if (p.defaultValue() != null) {
                    o.putPOJO("default", p.defaultValue());
                }
            }
            if (!p.description().isEmpty()) {
                o.put("description", p.description());
            }
        }
    }

    /** Problems as JSON: {@code [{kind, path, node?, pin?, message, text}]}. */
    public static ArrayNode problems(List<Problem> problems) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Problem p : problems) {
            ObjectNode o = out.addObject().put("kind", p.kind().name()).put("path", p.path());
            if (p.nodeId() != null) {
                o.put("node", p.nodeId());
            }
            if (p.pin() != null) {
                o.put("pin", p.pin());
            }
            o.put("message", p.message()).put("text", p.toString());
        }
        return out;
    }
}
