package io.pulseio.nodes.socketio.internal.shared;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.logic.spi.ValidationContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The connection (or server) a node works with when its {@code configuration} (or {@code server})
 * attribute is omitted: the project's only one. With none or several configured, the attribute is required.
 * Pure.
 */
public final class DefaultOwner {
    private DefaultOwner() {}

    /** The name a node means: its attribute when given (not empty), else the only name, else {@code ""}. */
    public static String resolve(String attribute, List<String> names) {
        if (attribute != null && !attribute.isEmpty()) {
            return attribute;
        }
        return names.size() == 1 ? names.get(0) : "";
    }

    /**
     * Reports a node that names no connection (or server) while the project does not have exactly one, as
     * the loader reported the required attribute before it could be omitted ({@code MISSING_ATTRIBUTE}).
     *
     * @param given      the attribute's value, {@code ""} when omitted, null when the node has no such attribute
     * @param configured how many connections (or servers) the settings list, valid or not: a project whose
     *                   only one has a problem of its own is not also blamed on its nodes
     * @return whether the node names one or may omit it
     */
    public static boolean check(
            ValidationContext check, NodeSpec node, String attribute, String given, int configured, String what) {
        if (given == null || !given.isEmpty() || configured == 1) {
            return true;
        }
        check.report(
                ProblemKind.MISSING_ATTRIBUTE,
                node.path() + ".attributes",
                node.id(),
                attribute,
                "missing required attribute '" + attribute + "' (it may be omitted only when exactly one " + what
                        + " is configured; " + (configured == 0 ? "none is" : configured + " are") + ")");
        return false;
    }

    /**
     * The names of the entries of {@code section.field} ({@code connections} or {@code servers}) as written,
     * valid or not, each once: a node is not also blamed for its connection's or server's own problems.
     */
    public static List<String> namesAsWritten(JsonNode section, String field) {
        List<String> names = new ArrayList<>();
        JsonNode list = section.path(field);
        if (list.isArray()) {
            list.forEach(entry -> {
                JsonNode name = entry.path("name");
                if (name.isTextual() && !name.textValue().isBlank() && !names.contains(name.textValue())) {
                    names.add(name.textValue());
                }
            });
        }
        return names;
    }
}
