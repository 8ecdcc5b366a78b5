package io.pulseio.logic.internal.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.logic.internal.load.ResolvedNode;
import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.spi.Attributes;
import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.Plugin;
import io.pulseio.logic.spi.PluginContext;
import io.pulseio.logic.time.Scheduler;
import io.pulseio.logic.trace.TraceEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * The per-plugin view of a run ({@link PluginContext}), the same for every plugin, the core one included.
 * Trace calls from other threads take their timestamp at once and are delivered on the logic thread.
 */
final class RunContext implements PluginContext {
    private final Run run;
    private final Plugin plugin;
    private final List<NodeSpec> nodes;
    private final Executor executor;
    private volatile boolean closed;

    RunContext(Run run, Plugin plugin) {
        this.run = run;
        this.plugin = plugin;
        this.nodes = run.project.nodes().stream()
                .filter(n -> n.plugin == plugin)
                .map(n -> n.spec)
                .toList();
        this.executor = task -> run.post(() -> {
            run.interpreter.currentScope = run.state.projectScope;
            run.interpreter.callback(() -> run.state.runPluginTask(task));
        });
    }

    void close() {
        closed = true;
    }

    @Override
    public String projectName() {
        return run.projectName();
    }

    @Override
    public JsonNode settings() {
        return run.project.spec().settings(plugin.id());
    }

    @Override
    public List<NodeSpec> nodes() {
        return nodes;
    }

    @Override
    public Scheduler scheduler() {
        return run.scheduler;
    }

    @Override
    public Executor logicExecutor() {
        return executor;
    }

    @Override
    public void fireListeners(String typeId, Predicate<Attributes> match, Map<String, ?> outputs) {
        if (!closed) {
            run.state.fireListeners(
                    typeId, match, java.util.Collections.unmodifiableMap(new java.util.HashMap<>(outputs)));
        }
    }

    @Override
    public void fireErrorListeners(String typeId, Predicate<Attributes> match, Map<String, ?> outputs, String error) {
        if (!closed) {
            run.state.fireListeners(
                    typeId, match, java.util.Collections.unmodifiableMap(new java.util.HashMap<>(outputs)), error);
        }
    }

    @Override
    public void reportError(String nodeId, String message, Throwable cause) {
        String type = nodeId == null
                ? null
                : run.project.nodes().stream()
                        .filter(n -> n.id().equals(nodeId))
                        .map(ResolvedNode::typeId)
                        .findFirst()
                        .orElse(null);
        Run.LOG.warn("{}: plugin '{}': {}", run.projectName(), plugin.id(), message);
        if (cause != null) {
            Run.LOG.debug("{}: plugin '{}' error", run.projectName(), plugin.id(), cause);
        }
        trace(new TraceEvent.Error(run.interpreter.now(), "plugin", nodeId, type, message));
    }

    @Override
    public boolean tracing() {
        return run.interpreter.tracing;
    }

    @Override
    public void trace(String kind, Map<String, ?> fields) {
        if (!plugin.traceKinds().contains(kind)) {
            throw new IllegalArgumentException("plugin '" + plugin.id() + "' declares no trace kind '" + kind + "'");
        }
        if (!run.interpreter.tracing || closed) {
            return;
        }
        boolean[] hasNull = {false};
        fields.forEach((name, value) -> {
            if (name.equals("t") || name.equals("kind")) {
                throw new IllegalArgumentException("a trace record's field may not be named '" + name + "'");
            }
            if (value != null
                    && !(value instanceof String
                            || value instanceof Boolean
                            || value instanceof Double
                            || value instanceof Long
                            || value instanceof Integer)) {
                throw new IllegalArgumentException("trace field '" + name + "' must be a String, Long, Integer, "
                        + "Double or Boolean, was " + value.getClass().getName());
            }
            hasNull[0] |= value == null;
        });
        // the record copies the fields; only a map with null values (left out) needs a copy of its own first
        Map<String, ?> kept = fields;
        if (hasNull[0]) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            fields.forEach((name, value) -> {
                if (value != null) {
                    copy.put(name, value);
                }
            });
            kept = copy;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> record = (Map<String, Object>) kept;
        trace(new TraceEvent.PluginRecord(run.interpreter.now(), plugin.id(), kind, record));
    }

    private void trace(TraceEvent event) {
        if (!run.interpreter.tracing || closed) {
            return;
        }
        if (run.inLogicThread()) {
            run.interpreter.emit(event);
        } else {
            run.traceFromOtherThread(event);
        }
    }

    @Override
    public boolean inLogicThread() {
        return run.inLogicThread();
    }

    // the run's services

    @Override
    public void print(String line) {
        run.options.output().accept(line);
    }

    @Override
    public Object variable(String name) {
        return run.state.variable(name);
    }

    @Override
    public void setVariable(String name, Object value) {
        run.state.setVariable(name, value);
    }

    @Override
    public void loadScene(String name) {
        run.post(() -> run.state.enterScene(name));
    }

    @Override
    public void stopRun(int exitCode) {
        run.requestStop(exitCode);
        if (run.inLogicThread() && run.inEvent()) {
            throw new Unwind.Stop();
        }
    }

    @Override
    public Object[] callFunction(String name, Object[] args, NodeContext caller) {
        return run.state.call(name, args, (LiveNode) caller);
    }

    @Override
    public void setFunctionResults(Object[] values) {
        Object[] frame = run.interpreter.currentFrame();
        if (frame == null) {
            throw new IllegalStateException("Function Output ran outside a function call");
        }
        System.arraycopy(values, 0, frame, 0, Math.min(values.length, frame.length));
    }
}
