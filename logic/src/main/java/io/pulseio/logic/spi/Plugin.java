package io.pulseio.logic.spi;

import io.pulseio.logic.problem.ProblemKind;
import java.util.List;

/**
 * A set of node types with their settings section, found with {@link java.util.ServiceLoader}
 * (list the class in {@code META-INF/services/io.pulseio.logic.spi.Plugin}). One instance serves every
 * project: keep per-run state in the {@link PluginRun} returned by {@link #start}.
 *
 * <p>A plugin is enabled unless the project switches it off ({@code "plugins": {"id": {"enabled":
 * false}}}); a disabled plugin's settings are ignored, its nodes are absent from the toolbox and a
 * project still using one is rejected.
 */
public interface Plugin {

    /** Plugin id: the prefix of its node type ids and the name of its settings section, e.g. {@code socketio}. */
    String id();

    /** Name for people; the id by default. */
    default String displayName() {
        return id();
    }

    /** Whether a project may switch the plugin off; true except for the core plugin. */
    default boolean canBeDisabled() {
        return true;
    }

    /**
     * The kinds of trace records the plugin adds ({@link PluginContext#trace}), e.g. {@code sent}: names of
     * letters and digits starting with a lower-case letter, not one of the runtime's own
     * ({@code TraceEvent.RUNTIME_KINDS}) nor another plugin's. None by default.
     */
    default java.util.Set<String> traceKinds() {
        return java.util.Set.of();
    }

    /**
     * The kinds of problems the plugin reports from {@link #validate}, beside the runtime's own
     * ({@code ProblemKind}); their names may be no other plugin's nor the runtime's. None by default.
     */
    default List<ProblemKind> problemKinds() {
        return List.of();
    }

    /** The node types; every id must start with {@code id() + "."}. */
    List<NodeType> nodeTypes();

    /**
     * Checks the plugin's settings section and its nodes' attributes against it (e.g. unknown
     * connection names, invalid URLs or ports, duplicate names), reporting each problem through
     * {@code check}. Called at load time, only when enabled, after the core checks of each node (types,
     * scopes, attribute types). Must not throw and must not touch the network.
     */
    default void validate(ValidationContext check) {}

    /**
     * Starts the plugin for one run, on the logic thread, before any node behaviour is created.
     * Return the per-run object the plugin's behaviours reach through {@link NodeSetup#pluginRun}.
     * Throwing aborts the start of the run.
     */
    default PluginRun start(PluginContext context) throws Exception {
        return new PluginRun() {};
    }
}
