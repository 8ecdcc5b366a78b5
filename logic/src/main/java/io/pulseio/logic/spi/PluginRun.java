package io.pulseio.logic.spi;

/**
 * A plugin's state for one run. Every method is called on the logic thread; nothing is called after
 * {@link #close()}.
 */
public interface PluginRun extends AutoCloseable {

    /**
     * The active scene changed ({@code from} is null at the first scene; {@code to} is null when the
     * run stops). Timers and resources owned by the old scene are already released.
     */
    default void sceneChanged(String from, String to) {
    }

    /**
     * A node of this plugin failed (its behaviour threw, or a pure node it pulled from did). The
     * runtime has already traced and logged it; route it to the plugin's own error listeners here: the
     * listeners fired from this call ({@link PluginContext#fireListeners}) run in place of the node's
     * branch, right after the failing node and before the rest of its event, so they are never overtaken by
     * a later event nor lost to a stop that follows. A failure of such a listener is not routed again.
     */
    default void nodeFailed(NodeFailure failure) {
    }

    /** The run is stopping: release connections and threads. Must not throw and should not block long. */
    @Override
    default void close() {
    }
}
