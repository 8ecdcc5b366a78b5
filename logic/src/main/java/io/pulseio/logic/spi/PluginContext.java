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

    /** Records a plugin-level error in the trace and the log (any thread); {@code nodeId} may be null. */
    void reportError(String nodeId, String message, Throwable cause);

    /**
     * Whether this run writes a trace (fixed for the run). When false the {@code trace…} methods do
     * nothing, so a plugin may skip building their arguments (e.g. a payload's text) or the listeners that
     * only feed them.
     */
    boolean tracing();

    /** Traces an event sent (any thread). */
    void traceSent(String connection, String namespace, String event, String payload);

    /** Traces an event received (any thread). */
    void traceReceived(String connection, String namespace, String event, String payload);

    /** Traces a connection state change, e.g. {@code connecting}, {@code open}, {@code closed} (any thread). */
    void traceConnection(String connection, String state, String detail);

    /** Whether the caller runs on this run's logic thread. */
    boolean inLogicThread();
}
