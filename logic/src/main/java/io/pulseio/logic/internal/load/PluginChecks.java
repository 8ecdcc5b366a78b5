package io.pulseio.logic.internal.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.model.ProjectSpec;
import io.pulseio.logic.problem.Problem;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.logic.spi.Attributes;
import io.pulseio.logic.spi.Plugin;
import io.pulseio.logic.spi.ValidationContext;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one plugin's {@link Plugin#validate} hook over its settings section and nodes. */
final class PluginChecks implements ValidationContext {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.logic");
    private final Plugin plugin;
    private final ProjectSpec project;
    private final List<ResolvedNode> nodes;
    private final List<Problem> problems;
    private final Map<NodeSpec, Attributes> attributes = new IdentityHashMap<>();

    PluginChecks(Plugin plugin, ProjectSpec project, List<ResolvedNode> allNodes, List<Problem> problems) {
        this.plugin = plugin;
        this.project = project;
        this.problems = problems;
        this.nodes = allNodes.stream().filter(n -> n.plugin == plugin).toList();
        nodes.forEach(n -> attributes.put(n.spec, n.attributes));
    }

    void run() {
        try {
            plugin.validate(this);
        } catch (RuntimeException e) {
            LOG.error("plugin '{}' failed while validating", plugin.id(), e);
            problems.add(new Problem(
                    ProblemKind.INVALID_SETTING,
                    settingsPath(),
                    null,
                    null,
                    "plugin '" + plugin.id() + "' failed to validate: " + e));
        }
    }

    @Override
    public ProjectSpec project() {
        return project;
    }

    @Override
    public JsonNode settings() {
        return project.settings(plugin.id());
    }

    @Override
    public String settingsPath() {
        return "$.settings." + plugin.id();
    }

    @Override
    public List<NodeSpec> nodes() {
        return nodes.stream().map(n -> n.spec).toList();
    }

    @Override
    public Attributes attributes(NodeSpec node) {
        Attributes a = attributes.get(node);
        if (a == null) {
            throw new IllegalArgumentException("not a node of plugin '" + plugin.id() + "': " + node.id());
        }
        return a;
    }

    @Override
    public void report(ProblemKind kind, String path, String nodeId, String pin, String message) {
        if (!kind.isRuntimeKind() && !plugin.problemKinds().contains(kind)) {
            throw new IllegalArgumentException("plugin '" + plugin.id() + "' reports the problem kind " + kind
                    + ", which it does not declare (Plugin.problemKinds)");
        }
        problems.add(new Problem(kind, path, nodeId, pin, message));
    }
}
