package io.pulseio.logic.spi;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.time.Scheduler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * What a plugin gets for one run. Methods documented "any thread" may be called from network threads;
 * after the run stops they are silently ignored.
 */
public interface PluginContext {

    /** The project's name. */
    String projectName();

    /** The plugin's settings section, {@code ${env:…}} already expanded; a missing node when absent. */
    JsonNode settings();

    /** The nodes of this plugin's types, in every graph. */
    List<NodeSpec> nodes();

    /** The run's time source (virtual in tests). */
    Scheduler scheduler();

    /**
     * Runs tasks on the logic thread, each as its own event, in submission order (any thread). Use it
     * to deliver network callbacks into graph code; tasks submitted after stop are dropped. Listeners a task
     * fires ({@link #fireListeners}) and answers it gives ({@link NodeContext#answerLater}) run right after
     * it, in the order given, before the next task.
     */
    Executor logicExecutor();

    /**
     * Posts an event (any thread): every live listener node of {@code typeId} whose attributes match
     * {@code match} gets {@code outputs} (by output pin name) and fires its pulse output. Listeners in
     * scenes that are not active are not live. {@code match} runs on the logic thread.
     *
     * <p>The listeners never run inside the call. Called from a task of {@link #logicExecutor()} (a
     * network callback), they run right after that task, before anything else queued, so what one connection
     * delivers in order reaches the graph in that order; called from a node behaviour or from another thread,
     * they are queued behind what is already waiting, each call as an event of its own, in call order.
     * Called from {@link PluginRun#nodeFailed} (on the logic thread), they fire <em>in place</em> of the
     * failed node's branch: their chains run as soon as the call returns, in the failing node's event and
     * scope, before the next branch of that event (a Sequence's next output) and before any other event.
     */
    void fireListeners(String typeId, Predicate<Attributes> match, Map<String, ?> outputs);

    /**
     * Fires error listeners as {@link #fireListeners} does; when no live listener matches, the error is
     * unhandled and every plugin's {@link PluginRun#errorUnhandled} gets {@code error} (one line: what failed
     * and where). Any thread. The default fires without that check.
     */
    default void fireErrorListeners(String typeId, Predicate<Attributes> match, Map<String, ?> outputs, String error) {
        fireListeners(typeId, match, outputs);
    }

    /** Records a plugin-level error in the trace and the log (any thread); {@code nodeId} may be null. */
    void reportError(String nodeId, String message, Throwable cause);

    /**
     * Whether this run writes a trace (fixed for the run). When false the {@code trace…} methods do
     * nothing, so a plugin may skip building their arguments (e.g. a payload's text) or the listeners that
     * only feed them.
     */
    boolean tracing();

    /**
     * Adds a record of this plugin to the trace (any thread): {@code kind} is one of the plugin's
     * {@link Plugin#traceKinds()}, {@code fields} its fields in the order given (iteration order), each a
     * String, Long, Integer, Double or Boolean; a null value leaves its field out. The timestamp is taken at
     * the call; the record reaches the trace on the logic thread (from another thread: before the logic
     * thread's next event, or 10 ms later when none comes first). Written to the trace file as
     * {@code {"t":…,"kind":KIND, FIELDS…}}. Nothing happens when the run writes no trace ({@link #tracing()}).
     *
     * @throws IllegalArgumentException when the plugin does not declare {@code kind}, a field is named
     *                                  {@code t} or {@code kind}, or a value is of another type
     */
    void trace(String kind, Map<String, ?> fields);

    /** Whether the caller runs on this run's logic thread. */
    boolean inLogicThread();

    // ---- the run's own services, for node behaviours (logic thread only unless said)

    /** Writes one line to the run's output ({@code RunOptions#output}, standard output by default). */
    void print(String line);

    /** The current value of the project variable {@code name}; null when the project declares none so named. */
    Object variable(String name);

    /**
     * Sets the project variable {@code name}; when the value changes, every plugin's
     * {@link PluginRun#variableChanged} hears it (listeners fired there are queued as events).
     */
    void setVariable(String name, Object value);

    /** Queues entering the scene {@code name}: the active scene is left after the current event (any thread). */
    void loadScene(String name);

    /**
     * Stops the run with {@code exitCode}. Called by a node behaviour on the logic thread it abandons the
     * rest of the current event and does not return (it throws an exception that must not be caught); from
     * elsewhere the run stops after its current event, as {@code ProjectRun#stop} (any thread).
     */
    void stopRun(int exitCode);

    /**
     * Calls the function {@code name} from the node {@code caller} (the behaviour's own context): its
     * entry node ({@link NodeSetup#makeFunctionEntry}) gets {@code args} on the outputs named like the
     * function's inputs, in their order, and fires; the body runs to its end; returns what
     * {@link #setFunctionResults} left, in the order of the function's outputs (their zeros when nothing
     * did). Calls may nest and recurse up to {@code RunOptions#maxCallDepth}.
     *
     * @throws IllegalStateException when the function has no entry node
     */
    Object[] callFunction(String name, Object[] args, NodeContext caller);

    /**
     * Sets the results of the innermost function call in progress, in the order of the function's outputs.
     *
     * @throws IllegalStateException outside a function call
     */
    void setFunctionResults(Object[] values);
}
