package io.pulseio.logic.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One node as written in the project file.
 *
 * @param id         node id, unique in the whole project
 * @param type       node type id, e.g. {@code core.print}
 * @param attributes the {@code attributes} object (an empty object when absent)
 * @param constants  constant input values by pin name, as JSON
 * @param position   editor position; null when absent
 * @param path       JSON path of the node object, e.g. {@code $.logic.project.nodes[0]}
 */
public record NodeSpec(
        String id, String type, JsonNode attributes, Map<String, JsonNode> constants, Position position, String path) {

    public NodeSpec {
        constants = Map.copyOf(constants);
    }

    /** Editor coordinates; the runtime ignores them. */
    public record Position(double x, double y) {}
}
