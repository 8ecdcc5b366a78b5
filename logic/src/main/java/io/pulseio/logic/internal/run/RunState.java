package io.pulseio.logic.internal.run;

import io.pulseio.logic.internal.load.ResolvedNode;
import io.pulseio.logic.model.FunctionSpec;
import io.pulseio.logic.model.SceneSpec;
import io.pulseio.logic.model.Scope;
import io.pulseio.logic.model.VariableSpec;
import io.pulseio.logic.spi.Attributes;
import io.pulseio.logic.spi.NodeFailure;
import io.pulseio.logic.spi.NodeKind;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.Plugin;
import io.pulseio.logic.spi.PluginRun;
import io.pulseio.logic.spi.Values;
import io.pulseio.logic.trace.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The graph-side state of a run: live nodes, listeners by type, scenes, variables, functions and
 * plugin runs. Logic thread only.
 */
final class RunState {
    private final Run run;
    final ScopeState projectScope = new ScopeState("project");
    private final Map<String, ScopeState> scenes = new HashMap<>();
    private ScopeState activeScene;
    private String activeSceneName;
    private final Map<String, List<LiveNode>> listeners = new HashMap<>();
    private final Map<String, LiveFunction> functions = new HashMap<>();
    private final Map<String, Object> variables = new HashMap<>();
    private final Map<String, LiveNode> nodesById = new HashMap<>();
    private final java.util.Set<String> entries = new java.util.HashSet<>();
    private final Map<Plugin, PluginRun> pluginRuns = new LinkedHashMap<>();
    private final Map<Plugin, RunContext> contexts = new LinkedHashMap<>();
    /** The plugin runs, in plugin order, for the hooks called often (variable changes). */
    private PluginRun[] runs = new PluginRun[0];
    /** Whether an error listener fired while the current node failure was routed ({@link #nodeFailed}). */
    private boolean heardWhileRouting;
    /** True while a plugin's task from {@link RunContext#logicExecutor()} runs (not the chains it fires). */
    private boolean inPluginTask;
    /** True while a plugin handles a node's failure ({@link PluginRun#nodeFailed}): its listeners fire in place. */
    private boolean routingFailure;

    RunState(Run run) {
        this.run = run;
        for (SceneSpec s : run.project.spec().scenes()) {
            scenes.put(s.name(), new ScopeState("scene:" + s.name()));
        }
    }

    /** The first event: start plugins, build live nodes, then queue project start and the start scene. */
    void boot() {
        Interpreter in = run.interpreter;
        in.emit(new TraceEvent.RunStarted(in.now(), run.project.spec().name()));
        for (VariableSpec v : run.project.spec().variables()) {
            variables.put(v.name(), v.initial());
        }
        Plugin starting = null;
        try {
            for (Plugin p : run.project.plugins()) {
                starting = p;
                RunContext context = new RunContext(run, p);
                contexts.put(p, context);
                pluginRuns.put(p, Objects.requireNonNull(p.start(context), "start returned null"));
            }
            starting = null;
            runs = pluginRuns.values().toArray(PluginRun[]::new);
            build();
        } catch (Exception | LinkageError e) {
            String what = starting != null
                    ? "plugin '" + starting.id() + "' failed to start: "
                    : "could not create the nodes: ";
            Run.LOG.error("{}: {}", run.projectName(), what, e);
            in.emit(new TraceEvent.Error(in.now(), "runtime", null, null, what + Interpreter.describe(e)));
            run.requestStop(70);
            return;
        }
        pluginRuns.forEach((p, r) -> {
            try {
                r.started();
            } catch (RuntimeException e) {
                Run.LOG.warn("plugin '{}' failed when the run started", p.id(), e);
            }
        });
        String start = run.project.spec().startScene();
        if (start != null) {
            run.post(() -> enterScene(start));
        }
    }

    private void build() {
        Map<ResolvedNode, LiveNode> live = new IdentityHashMap<>();
        for (ResolvedNode r : run.project.nodes()) {
            ScopeState scope = switch (r.graph.scope()) {
                case PROJECT -> projectScope;
                case SCENE -> scenes.get(r.graph.owner());
                case FUNCTION -> null;
            };
            live.put(r, new LiveNode(r, run.interpreter, scope));
        }
        for (ResolvedNode r : run.project.nodes()) {
            LiveNode node = live.get(r);
            nodesById.put(node.id, node);
            node.wire(live);
            node.behaviour = node.resolved.type.create(new Setup(node, pluginRuns.get(node.resolved.plugin)));
            if (node.kind == NodeKind.LISTENER && node.scope != null) {
                listeners.computeIfAbsent(node.typeId, k -> new ArrayList<>()).add(node);
            }
        }
        for (FunctionSpec f : run.project.spec().functions()) {
            List<LiveNode> body = live.values().stream()
                    .filter(n -> n.resolved.graph.scope() == Scope.FUNCTION
                            && n.resolved.graph.owner().equals(f.name()))
                    .toList();
            body.stream()
                    .filter(n -> n.functionEntry)
                    .findFirst()
                    .ifPresent(entry -> functions.put(f.name(), new LiveFunction(f, entry, body)));
        }
    }

    /**
     * Fires every live listener of {@code typeId} whose attributes match, as an event of its own: queued,
     * or, when called from a plugin task on the logic thread ({@link #runPluginTask}), run right after that
     * task's event without a second trip through the queue. Called while a plugin handles a node's failure
     * ({@link #nodeFailed}), the listeners fire in place instead: their chains run next, in the failing node's
     * event, before the rest of that event. A listener whose match or output values fail (e.g. text for a
     * number output) fails as a node and does not fire; the others still do. Any thread.
     */
    void fireListeners(String typeId, Predicate<Attributes> match, Map<String, ?> outputs) {
        fireListeners(typeId, match, outputs, null);
    }

    /**
     * As {@link #fireListeners}, for an error: when no live listener matches, it is unhandled and every
     * plugin hears of it ({@link PluginRun#errorUnhandled}), where the listeners would have run. In place (a
     * node's failure), the failure's own routing decides (see {@link #nodeFailed}). {@code error} null: not an
     * error.
     */
    void fireListeners(String typeId, Predicate<Attributes> match, Map<String, ?> outputs, String error) {
        boolean logicThread = run.inLogicThread();
        if (logicThread && routingFailure) {
            fire(typeId, match, outputs, true);
            return;
        }
        Runnable event = () -> {
            if (!fire(typeId, match, outputs, false) && error != null) {
                unhandled(error);
            }
        };
        if (logicThread && inPluginTask) {
            run.postNext(event);
        } else {
            run.post(event);
        }
    }

    /**
     * Fires the live listeners of {@code typeId} that match, their outputs set: each as its own chain, or
     * {@code inPlace} (see {@link Interpreter#fireInPlace}). One whose match or outputs fail is reported as a
     * failed node (its own error listeners fire in place) and does not fire.
     */
    private boolean fire(String typeId, Predicate<Attributes> match, Map<String, ?> outputs, boolean inPlace) {
        Interpreter in = run.interpreter;
        boolean fired = false;
        for (LiveNode node : listeners.getOrDefault(typeId, List.of())) {
            if (!isLive(node)) {
                continue;
            }
            try {
                if (!match.test(node.attributes())) {
                    continue;
                }
                setOutputs(node, outputs);
            } catch (RuntimeException e) {
                if (inPlace) {
                    nodeFailed(node, e);
                } else {
                    in.callback(() -> nodeFailed(node, e));
                }
                continue;
            }
            fired = true;
            if (inPlace) {
                heardWhileRouting = true;
                in.fireInPlace(node);
            } else {
                in.fireListener(node);
            }
        }
        return fired;
    }

    /** An error no listener handled: every plugin hears of it, in plugin order (the core's may stop the run). */
    private void unhandled(String error) {
        for (PluginRun r : runs) {
            r.errorUnhandled(error);
        }
    }

    /**
     * Runs a task a plugin gave its logic executor (a network callback). Listeners it fires run right after
     * it, in the order fired; node behaviours, which run later in the chains the task fired, still queue theirs.
     */
    void runPluginTask(Runnable task) {
        boolean outer = inPluginTask;
        inPluginTask = true;
        try {
            task.run();
        } finally {
            inPluginTask = outer;
        }
    }

    private static void setOutputs(LiveNode node, Map<String, ?> values) {
        List<PinSpec> outs = node.resolved.signature.outputs();
        values.forEach((name, value) -> {
            int i = node.resolved.signature.outputIndex(name);
            if (i < 0 || outs.get(i).isPulse()) {
                throw new IllegalArgumentException("listener " + node + " has no data output '" + name + "'");
            }
            node.outputs[i] = Values.convert(value, outs.get(i).type());
        });
    }

    private boolean isLive(LiveNode node) {
        return node.scope == projectScope || (node.scope != null && node.scope == activeScene);
    }

    /** Leaves the active scene (releasing what it owns) and enters {@code name}, firing On Scene Start. */
    void enterScene(String name) {
        String from = activeSceneName;
        if (activeScene != null) {
            activeScene.release();
        }
        activeScene = scenes.get(name);
        activeSceneName = name;
        Interpreter in = run.interpreter;
        in.emit(new TraceEvent.SceneChanged(in.now(), from, name));
        in.currentScope = activeScene;
        // listeners the plugins fire here run right after this event, before anything queued
        boolean outer = inPluginTask;
        inPluginTask = true;
        try {
            pluginRuns.forEach((p, r) -> {
                try {
                    r.sceneChanged(from, name);
                } catch (RuntimeException e) {
                    Run.LOG.warn("plugin '{}' failed on scene change", p.id(), e);
                }
            });
        } finally {
            inPluginTask = outer;
        }
    }

    /** The live node {@code id}; null before the nodes are built. */
    LiveNode liveNode(String id) {
        return nodesById.get(id);
    }

    String activeScene() {
        return activeSceneName;
    }

    Object variable(String name) {
        return variables.get(name);
    }

    void setVariable(String name, Object value) {
        Object previous = variables.put(name, value);
        if (!Objects.equals(previous, value)) {
            for (PluginRun r : runs) {
                r.variableChanged(name, value, previous);
            }
        }
    }

    /** Records that {@code function} has an entry node; false when it had one already. */
    boolean claimEntry(String function) {
        return entries.add(function);
    }

    Object[] call(String function, Object[] args, LiveNode caller) {
        LiveFunction f = functions.get(function);
        if (f == null) {
            throw new IllegalStateException("function '" + function + "' has no entry node");
        }
        return run.interpreter.call(f, args, caller);
    }

    /** Whether the logic thread runs a plugin's task now (listeners and answers it fires run right after it). */
    boolean inPluginTask() {
        return inPluginTask;
    }

    /**
     * A node failed: traced and logged, then handed to its plugin, whose error listeners fire in place of the
     * node's branch (see {@link #fireListeners}). A failure while a plugin handles one (an error listener
     * that cannot take its values) is traced and logged only, so that it cannot feed itself.
     */
    void nodeFailed(LiveNode node, Throwable error) {
        String message = Interpreter.describe(error);
        Run.LOG.warn("{}: node {} failed: {}", run.projectName(), node, message);
        Run.LOG.debug("{}: node {} failed", run.projectName(), node, error);
        Interpreter in = run.interpreter;
        in.emit(new TraceEvent.Error(in.now(), "node", node.id, node.typeId, message));
        PluginRun pluginRun = pluginRuns.get(node.resolved.plugin);
        if (routingFailure) {
            return;
        }
        routingFailure = true;
        heardWhileRouting = false;
        try {
            if (pluginRun != null) {
                pluginRun.nodeFailed(new NodeFailure(node.id, node.typeId, node.attributes(), message, error));
            }
        } catch (RuntimeException e) {
            Run.LOG.warn("plugin '{}' failed while handling a node failure", node.resolved.plugin.id(), e);
        } finally {
            routingFailure = false;
        }
        if (!heardWhileRouting) {
            unhandled("node " + node.id + " (" + node.typeId + ") failed: " + message);
        }
    }

    /** Releases scene and project resources, then closes plugin runs newest first. */
    void shutdown() {
        if (activeScene != null) {
            activeScene.release();
        }
        projectScope.release();
        List<Map.Entry<Plugin, PluginRun>> started = new ArrayList<>(pluginRuns.entrySet());
        for (int i = started.size() - 1; i >= 0; i--) {
            Map.Entry<Plugin, PluginRun> e = started.get(i);
            try {
                if (activeSceneName != null) {
                    e.getValue().sceneChanged(activeSceneName, null);
                }
                e.getValue().close();
            } catch (RuntimeException ex) {
                Run.LOG.warn("plugin '{}' failed to close", e.getKey().id(), ex);
            }
        }
        contexts.values().forEach(RunContext::close);
    }
}
