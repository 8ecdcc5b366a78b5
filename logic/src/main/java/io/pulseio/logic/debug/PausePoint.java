package io.pulseio.logic.debug;

import java.util.List;

/**
 * Where a paused run stands.
 *
 * @param reason      why it paused
 * @param nodeId      the node about to run (its behaviour has not run yet); null between events
 * @param nodeType    its type id; null between events
 * @param pin         the pulse input it is about to run on; null for a listener firing or between events
 * @param graph       {@code project}, {@code scene:NAME} or {@code function:NAME} (as in the trace); null
 *                    between events
 * @param scene       the active scene; null before the first scene
 * @param function    the function whose body holds the node; null outside a function
 * @param callers     the Call Function nodes of the calls in progress, outermost first (empty outside
 *                    functions); its size is the call depth
 * @param queueLength events waiting in the run's queue at the moment of the pause
 */
public record PausePoint(
        Reason reason,
        String nodeId,
        String nodeType,
        String pin,
        String graph,
        String scene,
        String function,
        List<String> callers,
        int queueLength) {

    public PausePoint {
        callers = List.copyOf(callers);
    }

    /** Why a run paused. */
    public enum Reason {
        /** {@link Debugger#pause()} was called. */
        PAUSE,
        /** A step ({@link Debugger#step}, {@link Debugger#stepOver}, {@link Debugger#stepOut}) ended here. */
        STEP,
        /** An enabled breakpoint on the node, whose condition (if any) held. */
        BREAKPOINT
    }

    /** True when paused between two events (no node is about to run). */
    public boolean betweenEvents() {
        return nodeId == null;
    }

    /** The number of function calls in progress. */
    public int callDepth() {
        return callers.size();
    }
}
