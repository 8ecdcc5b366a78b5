package io.pulseio.studio.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.logic.NodeRegistry;
import io.pulseio.logic.Problem;
import io.pulseio.logic.Toolbox;
import io.pulseio.logic.spi.Plugin;
import java.util.List;
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
