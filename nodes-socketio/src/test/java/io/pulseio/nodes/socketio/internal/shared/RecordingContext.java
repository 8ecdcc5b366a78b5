package io.pulseio.nodes.socketio.internal.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.spi.Attributes;
import io.pulseio.logic.spi.PluginContext;
import io.pulseio.logic.time.Scheduler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * A plugin context for unit tests of the connection and server managers: it runs nothing and records
 * every listener event as {@code "type {output=value, ...}"} and every connection state as
 * {@code "state detail"}. Thread-safe (the lists are synchronized).
 */
public final class RecordingContext implements PluginContext {
    private final Executor logic;
    private final Scheduler scheduler;
    private final List<String> fired = Collections.synchronizedList(new ArrayList<>());
    private final List<String> states = Collections.synchronizedList(new ArrayList<>());

    public RecordingContext(Executor logic, Scheduler scheduler) {
        this.logic = logic;
        this.scheduler = scheduler;
    }

    /** Listener events, e.g. {@code "socketio.onStop {reason=io client disconnect}"}. */
    public List<String> fired() {
        synchronized (fired) {
            return List.copyOf(fired);
        }
    }

    /** The listener events of one type (its id without the {@code socketio.} prefix, e.g. {@code onError}). */
    public List<String> fired(String type) {
        return fired().stream()
                .filter(f -> f.startsWith("socketio." + type + " "))
                .toList();
    }

    /** Traced connection states, e.g. {@code "closed transport close"}. */
    public List<String> states() {
        synchronized (states) {
            return List.copyOf(states);
        }
    }

    @Override
    public String projectName() {
        return "test";
    }

    @Override
    public JsonNode settings() {
        return MissingNode.getInstance();
    }

    @Override
    public List<NodeSpec> nodes() {
        return List.of();
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public Executor logicExecutor() {
        return logic;
    }

    @Override
    public void fireListeners(String typeId, Predicate<Attributes> match, Map<String, ?> outputs) {
        fired.add(typeId + " " + new TreeMap<>(outputs));
    }

    @Override
    public void reportError(String nodeId, String message, Throwable cause) {}

    @Override
    public boolean tracing() {
        return false;
    }

    @Override
    public void trace(String kind, Map<String, ?> fields) {
        if (kind.equals("connection")) {
            states.add(fields.get("state") + " " + fields.get("detail"));
        }
    }

    @Override
    public boolean inLogicThread() {
        return true;
    }

    // the run's services: the managers under test use none of them

    @Override
    public void print(String line) {
        throw new UnsupportedOperationException("print");
    }

    @Override
    public Object variable(String name) {
        throw new UnsupportedOperationException("variable");
    }

    @Override
    public void setVariable(String name, Object value) {
        throw new UnsupportedOperationException("setVariable");
    }

    @Override
    public void loadScene(String name) {
        throw new UnsupportedOperationException("loadScene");
    }

    @Override
    public void stopRun(int exitCode) {
        throw new UnsupportedOperationException("stopRun");
    }

    @Override
    public Object[] callFunction(String name, Object[] args, io.pulseio.logic.spi.NodeContext caller) {
        throw new UnsupportedOperationException("callFunction");
    }

    @Override
    public void setFunctionResults(Object[] values) {
        throw new UnsupportedOperationException("setFunctionResults");
    }
}
