package io.pulseio.logic.spi;

import io.pulseio.logic.time.Cancellable;

/**
 * A running node as its behaviour sees it. Only valid on the logic thread. Pin arguments are indexes
 * into the node's signature, resolved once in {@link NodeType#create} via {@link NodeSetup}.
 */
public interface NodeContext {

    /** The node id. */
    String id();

    /** The node's attributes with defaults applied. */
    Attributes attributes();

    /**
     * The value of data input {@code input}: pulled from its link (a pure node computes it now, other
     * nodes give their last output), else its constant, else its default. Converted to the input's type.
     */
    Object input(int input);

    /** {@link #input} as text. */
    String string(int input);

    /** {@link #input} as a number. */
    double number(int input);

    /** {@link #input} as a boolean. */
    boolean bool(int input);

    /** Sets data output {@code output}; readers see it until the node sets it again. */
    void output(int output, Object value);

    /** Fires pulse output {@code output}; the linked node runs after the current behaviour returns. */
    void fire(int output);

    /**
     * Runs {@code task} as a new event on the logic thread after {@code delayMillis}; inside it,
     * {@link #fire} continues the graph. The timer belongs to the scope the current event runs in and is
     * cancelled when that scope ends (scene left, run stopped).
     */
    Cancellable schedule(long delayMillis, Runnable task);

    /** Closes {@code resource} when the scope of the current event ends (scene left, run stopped). */
    void own(AutoCloseable resource);

    /**
     * For one answer that comes later from another thread (a network acknowledgement, say): the first
     * task given to the returned executor, from any thread, runs as a new event on the logic thread in
     * the scope the current event runs in, as a {@link #schedule timer}'s task does; inside it,
     * {@link #fire} continues the graph, and timers started there belong to that scope. When the scope
     * ends first (scene left, run stopped) the task is dropped; later tasks are always dropped. Given from
     * a plugin's {@link PluginContext#logicExecutor() logic executor} task (a network callback), the task
     * runs right after that callback, before the next one: in the order the network delivered them.
     */
    java.util.concurrent.Executor answerLater();
}
