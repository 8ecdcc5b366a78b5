package io.pulseio.logic.debug;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Controls one run as a debugger does; got from {@code ProjectRun#attachDebugger}, one at a time per run.
 *
 * <p><b>Where a run pauses.</b> Just before a node executes (an action about to run on a pulse input, a
 * listener about to fire, Function Input when a call enters a function), or between two events. While
 * paused, the logic thread waits: nothing of the graph runs, and what other threads deliver (network
 * events, timers, answers) keeps queueing in arrival order, to run after the pause. Computed nodes are
 * no pause points (they run inside the node that reads them).
 *
 * <ul>
 *   <li>{@link #pause()}: pauses before the next node execution of the event that is running, or, when
 *       the run is idle, at once between events (the queue stops).
 *   <li>{@link #step()} (step into): runs the node the run is paused at and pauses just before the next
 *       node execution, whatever it is: the next node of this event (the first node of a function when
 *       this is a Call Function), or the first node of a later event. Paused between events, it lets
 *       the next event run and pauses before its first node (waiting for an event if none is queued).
 *   <li>{@link #stepOver()}: like {@code step}, but a function call runs to its end: pauses before the
 *       next node execution at the same call depth or shallower.
 *   <li>{@link #stepOut()}: runs the current function call to its end and pauses before the next node
 *       execution of its caller's level; at the top level (call depth 0) it runs the rest of the event
 *       and pauses between events, before the next one.
 *   <li>{@link #resume()}: runs on until the next pause or breakpoint.
 * </ul>
 * An enabled breakpoint also pauses a step in progress. A step, step over or step out asked while the
 * run is not paused pauses it as {@link #pause()} does. A run that is asked to stop leaves any pause and
 * pauses no more: the event in progress runs to its end and the run stops, as without a debugger.
 *
 * <p><b>Threads.</b> Every method may be called from any thread, the logic thread included (a
 * listener). State-changing calls take effect at the logic thread's next pause point; {@link #values}
 * is answered on the logic thread between two node executions (at once when called on the logic thread,
 * or when the run is paused or stopped: then the future is complete when returned). After
 * {@link #close()}, every method but {@code close} throws {@link IllegalStateException}.
 */
public interface Debugger extends AutoCloseable {

    /** Asks the run to pause at its next pause point; nothing when already paused. */
    void pause();

    /** Leaves a pause and runs on; cancels a pause asked for and not yet reached. */
    void resume();

    /** Step into: pause before the very next node execution. */
    void step();

    /** Step over: pause before the next node execution at this call depth or shallower. */
    void stepOver();

    /** Step out: pause before the next node execution of the caller's level (between events at the top). */
    void stepOut();

    /** Whether the run is paused now. */
    boolean isPaused();

    /** Where the run is paused; empty while it runs. */
    Optional<PausePoint> pausedAt();

    /**
     * Sets (or replaces) an enabled breakpoint before {@code nodeId}; {@code condition} may be null.
     *
     * @throws IllegalArgumentException when the project has no such node, or the condition names no
     *                                  data input of the node
     */
    Breakpoint setBreakpoint(String nodeId, BreakCondition condition);

    /** {@link #setBreakpoint(String, BreakCondition)} without a condition. */
    default Breakpoint setBreakpoint(String nodeId) {
        return setBreakpoint(nodeId, null);
    }

    /**
     * Enables or disables the breakpoint before {@code nodeId}.
     *
     * @throws IllegalArgumentException when there is no breakpoint there
     */
    Breakpoint enableBreakpoint(String nodeId, boolean enabled);

    /** Removes the breakpoint before {@code nodeId}; false when there was none. */
    boolean removeBreakpoint(String nodeId);

    /** Every breakpoint, in the order they were first set. */
    List<Breakpoint> breakpoints();

    /**
     * The values of a node's data pins (see {@link NodeValues}), read on the logic thread.
     *
     * @throws IllegalArgumentException when the project has no such node
     */
    CompletionStage<NodeValues> values(String nodeId);

    /** Events waiting in the run's queue now (network events, timers, answers). */
    int queueLength();

    /**
     * Detaches: removes every breakpoint, leaves a pause (the run goes on) and lets another debugger
     * attach. Idempotent.
     */
    @Override
    void close();
}
