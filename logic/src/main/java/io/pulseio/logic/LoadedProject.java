package io.pulseio.logic;

import io.pulseio.logic.internal.load.LinkedProject;
import io.pulseio.logic.internal.run.Run;
import io.pulseio.logic.model.ProjectSpec;
import io.pulseio.logic.spi.NodeDescriptor;
import java.util.List;

/** A project that passed every check and can be started, any number of times. Immutable, thread-safe. */
public final class LoadedProject {
    private final LinkedProject linked;
    private final NodeRegistry registry;

    LoadedProject(LinkedProject linked, NodeRegistry registry) {
        this.linked = linked;
        this.registry = registry;
    }

    /** The project as written. */
    public ProjectSpec spec() {
        return linked.spec();
    }

    /** The toolbox this project sees: the node types of its enabled plugins. */
    public List<NodeDescriptor> toolbox() {
        return registry.toolbox(linked.spec()::pluginEnabled);
    }

    /**
     * Starts a run on a new logic thread and returns at once. The run fires On Project Start, then
     * enters the start scene, and lasts until Stop Project, {@link ProjectRun#stop} or a failed start.
     */
    public ProjectRun start(RunOptions options) {
        return new StartedRun(Run.start(linked, options.settings()));
    }

    /**
     * Starts a run as {@link #start} does, with a debugger attached and the run paused before its first
     * event (its {@code paused} callback says so, between events): set breakpoints through
     * {@link ProjectRun#debugger()}, then resume or step. {@code listener} hears the debugger (see
     * {@link io.pulseio.logic.debug.DebugListener}).
     */
    public ProjectRun startPaused(RunOptions options, io.pulseio.logic.debug.DebugListener listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        return new StartedRun(Run.start(linked, options.settings(), listener));
    }
}
