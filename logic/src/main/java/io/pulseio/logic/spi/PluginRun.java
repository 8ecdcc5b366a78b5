package io.pulseio.logic.spi;

/**
 * A plugin's state for one run. Every method is called on the logic thread; nothing is called after
 * {@link #close()}.
 */
public interface PluginRun extends AutoCloseable {

    /**
     * Every plugin has started and every node of the run exists; called once, in plugin order, in the run's
     * first event. Listeners fired here ({@link PluginContext#fireListeners}) are queued as events, ahead of
     * the start scene.
     */
    default void started() {}

    /**
     * A project variable changed ({@link PluginContext#setVariable}); {@code previous} is its old value.
     * Called in the event that changed it; listeners fired here are queued as events.
     */
    default void variableChanged(String name, Object value, Object previous) {}

    /**
     * The active scene changed ({@code from} is null at the first scene; {@code to} is null when the
     * run stops). Timers and resources owned by the old scene are already released. Listeners fired here
     * ({@link PluginContext#fireListeners}) run right after the scene change, before any other event.
     */
    default void sceneChanged(String from, String to) {}

    /**
     * A node of this plugin failed (its behaviour threw, or a pure node it pulled from did). The
     * runtime has already traced and logged it; route it to the plugin's own error listeners here: the
     * listeners fired from this call ({@link PluginContext#fireListeners}) run in place of the node's
     * branch, right after the failing node and before the rest of its event, so they are never overtaken by
     * a later event nor lost to a stop that follows. A failure of such a listener is not routed again.
     */
    default void nodeFailed(NodeFailure failure) {}

    /**
     * An error nobody handled: no error listener took a failed node's error (see {@link #nodeFailed}) or an
     * error a plugin fired ({@link PluginContext#fireErrorListeners}); {@code error} says what failed and
     * where, in one line. Called on every plugin, in plugin order, where the listeners would have run; the
     * error is already logged. The core plugin stops the run here when the project asks for it
     * ({@code settings.core.unhandledErrors}).
     */
    default void errorUnhandled(String error) {}

    /** The run is stopping: release connections and threads. Must not throw and should not block long. */
    @Override
    default void close() {}
}
