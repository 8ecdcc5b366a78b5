package io.pulseio.logic.core;

import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.PluginContext;

/**
 * What the core nodes use of the run, through the public {@link PluginContext} like any plugin's nodes.
 * Logic thread only.
 */
final class CoreServices {
    private final PluginContext context;

    CoreServices(PluginContext context) {
        this.context = context;
    }

    PluginContext context() {
        return context;
    }

    /** Writes one line to the run's output sink. */
    void print(String line) {
        context.print(line);
    }

    /** The current value of a declared variable. */
    Object variable(String name) {
        return context.variable(name);
    }

    /** Sets a variable; when the value changes, On Variable Change listeners get an event. */
    void setVariable(String name, Object value) {
        context.setVariable(name, value);
    }

    /** Queues a change to the named scene (entered after the current event). */
    void loadScene(String name) {
        context.loadScene(name);
    }

    /** Stops the run with {@code exitCode}; abandons the rest of the current event (does not return). */
    void stopProject(int exitCode) {
        context.stopRun(exitCode);
    }

    /** Calls a function with its arguments in port order; returns its outputs in port order. */
    Object[] callFunction(String name, Object[] args, NodeContext caller) {
        return context.callFunction(name, args, caller);
    }

    /** Stores a Function Output node's values as the result of the innermost call. */
    void functionReturn(Object[] values) {
        context.setFunctionResults(values);
    }
}
