package io.pulseio.logic.debug;

/**
 * Hears a {@link Debugger}. Called on the run's logic thread, in order; a pause's callbacks run while
 * the run is paused, so they may call the debugger (values, breakpoints, even {@link Debugger#step})
 * and must not block for long. A listener that throws is logged and ignored. Nothing is called after
 * {@link Debugger#close()} returned, except the {@code resumed} of a pause that close ended.
 */
public interface DebugListener {

    /** Listens to nothing. */
    DebugListener NONE = new DebugListener() {};

    /** The run paused at {@code at}; {@link PausePoint#reason()} says why. */
    default void paused(PausePoint at) {}

    /** The run left a pause (resume, a step, close, or the run stopping). */
    default void resumed() {}

    /** A breakpoint was hit; called just before {@link #paused} for the same point. */
    default void breakpointHit(PausePoint at) {}
}
