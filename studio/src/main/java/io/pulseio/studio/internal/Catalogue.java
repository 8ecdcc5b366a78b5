package io.pulseio.studio.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.logic.NodeRegistry;
import io.pulseio.logic.Problem;
import io.pulseio.logic.Toolbox;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.Plugin;
import io.pulseio.logic.spi.Signature;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The toolbox as the page sees it: the installed plugins and the node types of those a project
 * switches on, in the JSON shape of {@code pulseio nodes --json}. Stateless over an immutable registry.
 */
public final class Catalogue {
    private final NodeRegistry registry;

    public Catalogue(NodeRegistry registry) {
        this.registry = registry;
    }

    /** {@code {"plugins": [{id, canBeDisabled, enabled}], "nodes": [...]}} for this project text. */
    public ObjectNode forProject(String projectText) {
        JsonNode switches = switches(projectText);
        Predicate<String> enabled = id -> {
            JsonNode s = switches.path(id).path("enabled");
            return !s.isBoolean() || s.booleanValue();
        };
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode plugins = out.putArray("plugins");
        for (Plugin p : registry.plugins()) {
            plugins.addObject().put("id", p.id()).put("canBeDisabled", p.canBeDisabled())
                    .put("enabled", !p.canBeDisabled() || enabled.test(p.id()));
        }
        try {
            ArrayNode nodes = (ArrayNode) Json.MAPPER.readTree(Toolbox.json(registry.toolbox(enabled)));
            for (JsonNode type : nodes) {
                type.path("inputs").forEach(pin -> ((ObjectNode) pin).put("direction", "in"));
                type.path("outputs").forEach(pin -> ((ObjectNode) pin).put("direction", "out"));
            }
            out.set("nodes", nodes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("toolbox JSON did not parse", e);
        }
        return out;
    }

    private static JsonNode switches(String projectText) {
        try {
            JsonNode root = Json.MAPPER.readTree(projectText);
            return root == null ? Json.MAPPER.missingNode() : root.path("plugins");
        } catch (JsonProcessingException e) {
            return Json.MAPPER.missingNode();
        }
    }

    /**
     * The loader's pins of each node as JSON: {@code {nodeId: {inputs: [pin], outputs: [pin]}}},
     * a pin being {@code {name, type, direction, required?, default?, description?}} as in the catalogue.
     */
    public static ObjectNode signatures(Map<String, Signature> signatures) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        signatures.forEach((id, signature) -> {
            ObjectNode node = out.putObject(id);
            pins(node.putArray("inputs"), signature.inputs(), "in");
            pins(node.putArray("outputs"), signature.outputs(), "out");
        });
        return out;
    }

    private static void pins(ArrayNode array, List<PinSpec> pins, String direction) {
        for (PinSpec p : pins) {
            ObjectNode o = array.addObject().put("name", p.name()).put("type", p.type().id()).put("direction", direction);
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
