package io.pulseio.logic.core;

import io.pulseio.logic.model.FunctionSpec;
import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.Plugin;
import io.pulseio.logic.spi.PluginContext;
import io.pulseio.logic.spi.PluginRun;
import io.pulseio.logic.spi.ValidationContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The core node types ({@code core.*}): events, flow, data, variables, functions. Always enabled; the
 * registry adds it first. Stateless.
 */
public final class CorePlugin implements Plugin {
    /** The plugin id, also the prefix of every core node type id. */
    public static final String ID = "core";

    private final List<NodeType> types;

    public CorePlugin() {
        List<NodeType> all = new ArrayList<>();
        all.addAll(EventNodes.types());
        all.addAll(FlowNodes.types());
        all.addAll(TimeNodes.types());
        all.addAll(DataNodes.types());
        all.addAll(VariableNodes.types());
        all.addAll(FunctionNodes.types());
        all.addAll(List.of(PrintFormat.type(), new SwitchNode(), new AddToVariable()));
        types = List.copyOf(all);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Core";
    }

    @Override
    public boolean canBeDisabled() {
        return false;
    }

    @Override
    public List<NodeType> nodeTypes() {
        return types;
    }

    /** References from attributes to variables, functions and scenes; one entry node per function. */
    @Override
    public void validate(ValidationContext check) {
        validateSettings(check);
        var project = check.project();
        for (NodeSpec node : check.nodes()) {
            var attributes = check.attributes(node);
            String variable = attributes.string("variable");
            if (variable != null && project.variable(variable).isEmpty()) {
                check.report(
                        ProblemKind.UNKNOWN_VARIABLE,
                        node.path() + ".attributes.variable",
                        node.id(),
                        "variable",
                        "unknown variable '" + variable + "'");
            }
            String function = attributes.string("function");
            if (function != null && project.function(function).isEmpty()) {
                check.report(
                        ProblemKind.UNKNOWN_FUNCTION,
                        node.path() + ".attributes.function",
                        node.id(),
                        "function",
                        "unknown function '" + function + "'");
            }
            if (node.type().equals("core.sequence") && node.attributes().has("count")) {
                double count = attributes.number("count", 2);
                if (count != Math.rint(count) || count < 1 || count > FlowNodes.MAX_SEQUENCE) {
                    check.report(
                            ProblemKind.INVALID_ATTRIBUTE,
                            node.path() + ".attributes.count",
                            node.id(),
                            "count",
                            "attribute 'count' must be a whole number from 1 to " + FlowNodes.MAX_SEQUENCE + ", was "
                                    + node.attributes().get("count").asText());
                }
            }
            if (node.type().equals(SwitchNode.ID)) {
                SwitchNode.validate(check, node);
            } else if (node.type().equals(AddToVariable.ID)) {
                AddToVariable.validate(check, node);
            }
            String scene = attributes.string("scene");
            if (scene != null && project.scene(scene).isEmpty()) {
                check.report(
                        ProblemKind.UNKNOWN_SCENE,
                        node.path() + ".attributes.scene",
                        node.id(),
                        "scene",
                        "unknown scene '" + scene + "'");
            }
        }
        for (FunctionSpec f : project.functions()) {
            long entries = f.graph().nodes().stream()
                    .filter(n -> n.type().equals(FunctionNodes.INPUT))
                    .count();
            if (entries != 1) {
                check.report(
                        ProblemKind.FUNCTION_ENTRY,
                        f.path(),
                        null,
                        null,
                        "function '" + f.name() + "' needs exactly one " + FunctionNodes.INPUT + " node, found "
                                + entries);
            }
        }
    }

    @Override
    public PluginRun start(PluginContext context) {
        Set<String> watched = new HashSet<>();
        for (NodeSpec node : context.nodes()) {
            if (node.type().equals(VariableNodes.ON_CHANGE)) {
                watched.add(node.attributes().path("variable").asText());
            }
        }
        boolean stopOnUnhandled =
                STOP.equals(context.settings().path(UNHANDLED_ERRORS).asText(LOG));
        return new CoreRun(new CoreServices(context), Set.copyOf(watched), stopOnUnhandled);
    }

    /** {@code settings.core.unhandledErrors}: {@code log} (the default) or {@code stop}. */
    static final String UNHANDLED_ERRORS = "unhandledErrors";

    static final String LOG = "log";
    static final String STOP = "stop";

    /** The core's settings section: only {@code unhandledErrors}, {@code "log"} or {@code "stop"}. */
    private static void validateSettings(ValidationContext check) {
        var settings = check.settings();
        if (settings.isMissingNode() || settings.isNull()) {
            return;
        }
        if (!settings.isObject()) {
            return; // the loader's schema check reports a section that is not an object
        }
        settings.fieldNames().forEachRemaining(name -> {
            if (!name.equals(UNHANDLED_ERRORS)) {
                check.report(
                        ProblemKind.INVALID_SETTING,
                        check.settingsPath() + "." + name,
                        null,
                        null,
                        "unknown setting '" + name + "' (settings.core has only " + UNHANDLED_ERRORS + ")");
            }
        });
        var mode = settings.get(UNHANDLED_ERRORS);
        if (mode != null
                && !(mode.isTextual()
                        && (mode.asText().equals(LOG) || mode.asText().equals(STOP)))) {
            check.report(
                    ProblemKind.INVALID_SETTING,
                    check.settingsPath() + "." + UNHANDLED_ERRORS,
                    null,
                    null,
                    UNHANDLED_ERRORS + " must be \"log\" or \"stop\", was " + mode);
        }
    }

    /**
     * The core plugin's per-run object: how core behaviours reach the runtime, and where the run's own
     * events become On Project Start, On Scene Start and On Variable Change.
     */
    record CoreRun(CoreServices services, Set<String> watched, boolean stopOnUnhandled) implements PluginRun {

        /** With {@code unhandledErrors: stop}, an error nobody handled (already logged) ends the run with 1. */
        @Override
        public void errorUnhandled(String error) {
            if (stopOnUnhandled) {
                services.context()
                        .reportError(
                                null,
                                "unhandled error, so the run stops with exit code 1 "
                                        + "(settings.core.unhandledErrors is stop): " + error,
                                null);
                services.stopProject(1);
            }
        }

        @Override
        public void started() {
            services.context().fireListeners(EventNodes.ON_PROJECT_START, a -> true, Map.of());
        }

        @Override
        public void sceneChanged(String from, String to) {
            if (to != null) {
                services.context().fireListeners(EventNodes.ON_SCENE_START, a -> true, Map.of());
            }
        }

        /** Only watched variables post an event (a counter nobody listens to costs no event). */
        @Override
        public void variableChanged(String name, Object value, Object previous) {
            if (watched.contains(name)) {
                Map<String, Object> outputs = new HashMap<>();
                outputs.put("value", value);
                outputs.put("previous", previous);
                services.context()
                        .fireListeners(VariableNodes.ON_CHANGE, a -> name.equals(a.string("variable")), outputs);
            }
        }
    }
}
