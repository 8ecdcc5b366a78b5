package io.pulseio.logic.internal.run;

/**
 * What the core nodes need from the runtime beyond {@link io.pulseio.logic.spi.NodeContext}. Offered
 * to the core plugin only (its {@code PluginContext} implements this). Logic thread only.
 */
public interface CoreServices {

    /** Writes one line to the run's output sink. */
    void print(String line);

    /** The current value of a declared variable. */
    Object variable(String name);

    /** Sets a variable; when the value changes, On Variable Change listeners get an event. */
    void setVariable(String name, Object value);

    /** Queues a change to the named scene (entered after the current event). */
    void loadScene(String name);

    /** Stops the run with {@code exitCode}; abandons the rest of the current event (does not return). */
    void stopProject(int exitCode);

    /** Calls a function with its arguments in port order; returns its outputs in port order. */
    Object[] callFunction(String name, Object[] args, io.pulseio.logic.spi.NodeContext caller);

    /** Stores a Function Output node's values as the result of the innermost call. */
    void functionReturn(Object[] values);
}
