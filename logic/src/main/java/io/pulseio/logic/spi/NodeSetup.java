package io.pulseio.logic.spi;

import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.model.ProjectSpec;
import io.pulseio.logic.model.Scope;

/** What a behaviour factory knows about the node it builds for. Valid only inside {@link NodeType#create}. */
public interface NodeSetup {

    /** The node as written in the project. */
    NodeSpec spec();

    /** Attributes with defaults applied. */
    Attributes attributes();

    /** The node's pins. */
    Signature signature();

    /** Where the node is placed: the project graph, a scene or a function body. */
    Scope scope();

    /**
     * The name of the scene or function whose graph holds the node; {@code "project"} for the project
     * graph (as {@link io.pulseio.logic.model.GraphSpec#owner()}).
     */
    String owner();

    /** The whole project. */
    ProjectSpec project();

    /** Index of input {@code name}; throws {@link IllegalArgumentException} when the node has none. */
    int input(String name);

    /** Index of output {@code name}; throws {@link IllegalArgumentException} when the node has none. */
    int output(String name);

    /**
     * Makes this node the entry of the function whose body holds it: a call
     * ({@link PluginContext#callFunction}) sets its outputs named like the function's inputs and fires its
     * first pulse output, as a listener fires.
     *
     * @throws IllegalStateException when the node is not in a function body, or its function has an entry
     *                               already
     * @throws UnsupportedOperationException by a setup that is not the runtime's (a test's, say)
     */
    default void makeFunctionEntry() {
        throw new UnsupportedOperationException("this setup makes no function entries");
    }

    /**
     * The object the node type's plugin returned from {@link Plugin#start} for this run, cast to
     * {@code type}: the way a behaviour reaches its plugin's per-run state (e.g. connection managers).
     */
    <T> T pluginRun(Class<T> type);
}
