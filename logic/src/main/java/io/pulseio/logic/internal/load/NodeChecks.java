package io.pulseio.logic.internal.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.logic.model.GraphSpec;
import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.model.PinType;
import io.pulseio.logic.model.ProjectSpec;
import io.pulseio.logic.model.Scope;
import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.logic.spi.AttributeSpec;
import io.pulseio.logic.spi.Attributes;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.Plugin;
import io.pulseio.logic.spi.Signature;
import io.pulseio.logic.spi.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks one node on its own: its type, plugin switch, scope, attributes and constants. */
final class NodeChecks {
    private final Catalog catalog;
    private final ProjectSpec project;
    private final List<Problem> problems;

    NodeChecks(Catalog catalog, ProjectSpec project, List<Problem> problems) {
        this.catalog = catalog;
        this.project = project;
        this.problems = problems;
    }

    /** The resolved node, or null when its type is unknown or unusable here. */
    ResolvedNode check(NodeSpec node, GraphSpec graph) {
        String typePath = node.path() + ".type";
        Optional<NodeType> found = catalog.type(node.type());
        if (found.isEmpty()) {
            report(ProblemKind.UNKNOWN_NODE_TYPE, typePath, node, null, "unknown node type '" + node.type() + "'");
            return null;
        }
        NodeType type = found.get();
        NodeDescriptor d = type.descriptor();
        Plugin plugin = catalog.pluginOf(d.typeId()).orElseThrow();
        if (plugin.canBeDisabled() && !project.pluginEnabled(plugin.id())) {
            report(
                    ProblemKind.PLUGIN_DISABLED,
                    typePath,
                    node,
                    null,
                    "node '" + node.id() + "' uses '" + d.typeId() + "' of plugin '" + plugin.id()
                            + "', which this project switches off");
            return null;
        }
        if (!d.scopes().contains(graph.scope())) {
            String allowed = d.scopes().stream().sorted().map(Scope::id).collect(Collectors.joining(", "));
            report(
                    ProblemKind.SCOPE_NOT_ALLOWED,
                    typePath,
                    node,
                    null,
                    "'" + d.typeId() + "' is not allowed in " + graph.scope().id() + " scope (allowed: " + allowed
                            + ")");
        }
        Attributes attributes = attributes(node, d);
        Signature signature = type.signature(node, attributes, project);
        ResolvedNode resolved = new ResolvedNode(node, graph, type, plugin, attributes, signature);
        constants(node, resolved);
        return resolved;
    }

    private Attributes attributes(NodeSpec node, NodeDescriptor d) {
        Map<String, Object> values = new LinkedHashMap<>();
        String base = node.path() + ".attributes";
        node.attributes().fieldNames().forEachRemaining(name -> {
            if (d.attributes().stream().noneMatch(a -> a.name().equals(name))) {
                report(
                        ProblemKind.UNKNOWN_ATTRIBUTE,
                        base + "." + name,
                        node,
                        name,
                        "node '" + node.id() + "' (" + d.typeId() + ") has no attribute '" + name + "'");
            }
        });
        for (AttributeSpec a : d.attributes()) {
            JsonNode given = node.attributes().get(a.name());
            if (given == null) {
                if (a.isRequired()) {
                    report(
                            ProblemKind.MISSING_ATTRIBUTE,
                            base,
                            node,
                            a.name(),
                            "missing required attribute '" + a.name() + "'");
                } else {
                    values.put(a.name(), a.defaultValue());
                }
                continue;
            }
            Object value = Values.fromJson(given, a.type());
            if (value == null) {
                report(
                        ProblemKind.INVALID_ATTRIBUTE,
                        base + "." + a.name(),
                        node,
                        a.name(),
                        "attribute '" + a.name() + "' must be a " + a.type().id());
            } else if (!a.choices().isEmpty() && !a.choices().contains(value)) {
                report(
                        ProblemKind.INVALID_ATTRIBUTE,
                        base + "." + a.name(),
                        node,
                        a.name(),
                        "attribute '" + a.name() + "' must be one of " + String.join(", ", a.choices()));
            } else {
                values.put(a.name(), value);
                continue;
            }
            if (a.defaultValue() != null) {
                values.put(a.name(), a.defaultValue());
            }
        }
        return Attributes.of(values);
    }

    private void constants(NodeSpec node, ResolvedNode resolved) {
        for (Map.Entry<String, JsonNode> e : node.constants().entrySet()) {
            String pinName = e.getKey();
            String path = node.path() + ".inputs." + pinName;
            int index = resolved.signature.inputIndex(pinName);
            if (index < 0) {
                report(
                        ProblemKind.UNKNOWN_PIN,
                        path,
                        node,
                        pinName,
                        "node '" + node.id() + "' (" + node.type() + ") has no input '" + pinName + "'");
                continue;
            }
            PinSpec pin = resolved.signature.inputs().get(index);
            if (pin.isPulse()) {
                report(
                        ProblemKind.INVALID_VALUE,
                        path,
                        node,
                        pinName,
                        "input '" + pinName + "' is a pulse and takes no constant");
                continue;
            }
            Object value = Values.fromJson(e.getValue(), pin.type());
            if (value == null && !e.getValue().isNull()) {
                report(
                        ProblemKind.INVALID_VALUE,
                        path,
                        node,
                        pinName,
                        pin.type() == PinType.JSON && e.getValue().isTextual()
                                ? "input '" + pinName + "' takes JSON text, and '"
                                        + e.getValue().textValue() + "' is not JSON"
                                : "input '" + pinName + "' takes a "
                                        + pin.type().id());
            } else if (value != null) {
                resolved.constant[index] = value;
            }
        }
    }

    private void report(ProblemKind kind, String path, NodeSpec node, String pin, String message) {
        problems.add(new Problem(kind, path, node.id(), pin, message));
    }
}
