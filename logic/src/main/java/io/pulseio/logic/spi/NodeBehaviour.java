package io.pulseio.logic.spi;

/**
 * What a node does. One instance per node per run; called only on the logic thread, so it may keep
 * plain mutable state. It must never block: work that waits (network, time) is started here and comes
 * back as an event ({@link NodeContext#schedule}, {@link PluginContext#logicExecutor()}).
 *
 * <p>A thrown exception fails this execution only: it becomes an error event (see
 * {@link PluginRun#nodeFailed}) and the runtime goes on.
 */
public interface NodeBehaviour {

    /** A behaviour that does nothing: listeners need none (the runtime fires their {@code out}). */
    NodeBehaviour NONE = new NodeBehaviour() {};

    /**
     * A pulse arrived on input {@code pulseInput} (an index into the node's inputs). Read inputs,
     * write outputs, then {@link NodeContext#fire} pulse outputs; fired pulses run, depth first, after
     * this method returns, in the order fired.
     */
    default void run(NodeContext node, int pulseInput) throws Exception {}

    /**
     * Computes data output {@code output} of a pure node when an input linked to it is read. Reads its
     * own inputs through {@code node}. Must not fire pulses.
     */
    default Object compute(NodeContext node, int output) throws Exception {
        throw new IllegalStateException("node type does not compute outputs");
    }
}
