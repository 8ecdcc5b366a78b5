package io.pulseio.logic.internal.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.logic.model.FunctionSpec;
import io.pulseio.logic.model.GraphSpec;
import io.pulseio.logic.model.LinkSpec;
import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.model.PinType;
import io.pulseio.logic.model.PortSpec;
import io.pulseio.logic.model.ProjectSpec;
import io.pulseio.logic.model.SceneSpec;
import io.pulseio.logic.model.Scope;
import io.pulseio.logic.model.VariableSpec;
import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.logic.spi.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns a schema-valid document into a {@link ProjectSpec}, expanding {@code ${env:…}} in the settings
 * of plugins that are switched on (a switched-off plugin's section is left as written: it is not read).
 * Structural problems are the schema's job; this reports only values the schema cannot judge.
 */
final class ProjectParser {
    private final List<Problem> problems;
    private final EnvExpander expander;
    private final Predicate<String> canBeSwitchedOff;

    /** {@code canBeSwitchedOff} tells, by plugin id, whether a plugin's switch is obeyed (not for core). */
    ProjectParser(EnvExpander expander, Predicate<String> canBeSwitchedOff, List<Problem> problems) {
        this.expander = expander;
        this.canBeSwitchedOff = canBeSwitchedOff;
        this.problems = problems;
    }

    ProjectSpec parse(JsonNode root) {
        Map<String, Boolean> switches = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.path("plugins").properties()) {
            switches.put(e.getKey(), e.getValue().path("enabled").asBoolean(true));
        }
        ObjectNode settings = root.has("settings")
                ? (ObjectNode) root.get("settings").deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (String plugin : fieldNames(settings)) {
            boolean off = !switches.getOrDefault(plugin, true) && canBeSwitchedOff.test(plugin);
            if (!off) {
                settings.set(plugin, expander.expand(settings.get(plugin), "$.settings." + plugin));
            }
        }
        JsonNode logic = root.path("logic");
        List<VariableSpec> variables = new ArrayList<>();
        eachElement(logic.path("variables"), "$.logic.variables", (v, path) -> variables.add(variable(v, path)));
        GraphSpec project = graph(logic.path("project"), Scope.PROJECT, "project", "$.logic.project");
        List<SceneSpec> scenes = new ArrayList<>();
        eachElement(logic.path("scenes"), "$.logic.scenes", (s, path) -> {
            String name = s.path("name").asText();
            scenes.add(new SceneSpec(name, path, graph(s, Scope.SCENE, name, path)));
        });
        List<FunctionSpec> functions = new ArrayList<>();
        eachElement(logic.path("functions"), "$.logic.functions", (f, path) -> {
            String name = f.path("name").asText();
            functions.add(new FunctionSpec(
                    name,
                    path,
                    ports(f.path("inputs")),
                    ports(f.path("outputs")),
                    graph(f, Scope.FUNCTION, name, path)));
        });
        String startScene = logic.has("startScene")
                ? logic.get("startScene").asText()
                : scenes.isEmpty() ? null : scenes.get(0).name();
        return new ProjectSpec(
                root.path("format").asInt(),
                root.path("name").asText(),
                switches,
                settings,
                variables,
                project,
                scenes,
                startScene,
                functions);
    }

    private VariableSpec variable(JsonNode v, String path) {
        String name = v.path("name").asText();
        PinType type = PinType.fromId(v.path("type").asText());
        Object initial = type.zero();
        if (v.has("initial")) {
            Object parsed = Values.fromJson(v.get("initial"), type);
            if (parsed == null) {
                problems.add(new Problem(
                        ProblemKind.INVALID_VALUE,
                        path + ".initial",
                        null,
                        null,
                        type == PinType.JSON
                                ? "initial value of variable '" + name + "' must be JSON text, and '"
                                        + v.get("initial").asText() + "' is not JSON"
                                : "initial value of variable '" + name + "' must be a " + type.id()));
            } else {
                initial = parsed;
            }
        }
        return new VariableSpec(name, type, initial, path);
    }

    private static List<PortSpec> ports(JsonNode array) {
        List<PortSpec> ports = new ArrayList<>();
        array.forEach(p -> ports.add(new PortSpec(
                p.path("name").asText(), PinType.fromId(p.path("type").asText()))));
        return ports;
    }

    private static GraphSpec graph(JsonNode g, Scope scope, String owner, String path) {
        List<NodeSpec> nodes = new ArrayList<>();
        eachElement(g.path("nodes"), path + ".nodes", (n, p) -> nodes.add(node(n, p)));
        List<LinkSpec> links = new ArrayList<>();
        eachElement(
                g.path("links"),
                path + ".links",
                (l, p) -> links.add(
                        new LinkSpec(l.path("from").asText(), l.path("to").asText(), p)));
        return new GraphSpec(scope, owner, path, nodes, links);
    }

    private static NodeSpec node(JsonNode n, String path) {
        JsonNode attributes =
                n.has("attributes") ? n.get("attributes").deepCopy() : JsonNodeFactory.instance.objectNode();
        Map<String, JsonNode> constants = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.path("inputs").properties()) {
            constants.put(e.getKey(), e.getValue().deepCopy());
        }
        NodeSpec.Position position = null;
        if (n.has("position")) {
            position = new NodeSpec.Position(
                    n.get("position").path("x").asDouble(),
                    n.get("position").path("y").asDouble());
        }
        return new NodeSpec(
                n.path("id").asText(), n.path("type").asText(), (ObjectNode) attributes, constants, position, path);
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private interface ElementVisitor {
        void visit(JsonNode element, String path);
    }

    private static void eachElement(JsonNode array, String path, ElementVisitor visitor) {
        for (int i = 0; i < array.size(); i++) {
            visitor.visit(array.get(i), path + "[" + i + "]");
        }
    }
}
