package io.pulseio.logic;

import io.pulseio.logic.debug.DebugListener;
import io.pulseio.logic.debug.Debugger;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/**
 * One running project: a logic thread fed by an event queue. Every method is thread-safe.
 * Lifecycle: running → stopping (Stop Project, {@link #stop}, or a failed start) → stopped (plugins
 * closed, scene and project timers cancelled, {@code runStopped} traced, {@link #exitCode()} completed).
 */
public interface ProjectRun extends AutoCloseable {

    /** The project's name. */
    String projectName();

    /** Asks the run to stop with {@code exitCode} after the current event; queued events are dropped. */
    void stop(int exitCode);

    /** Completes with the exit code once the run has fully stopped. */
    CompletionStage<Integer> exitCode();

    /** Waits for the run to stop; returns the exit code. */
    int awaitExit(Duration timeout) throws InterruptedException, TimeoutException;

    /**
     * Waits until the event queue is empty and the logic thread is idle (or the run stopped). Timers
     * still pending do not count. Meant for tests and tools.
     *
     * @return false on timeout
     */
    boolean awaitIdle(Duration timeout) throws InterruptedException;

    /**
     * Attaches a debugger (see {@link Debugger}: pause, step, breakpoints, values); {@code listener} hears
     * its pauses on the logic thread. One debugger at a time; {@link Debugger#close()} detaches it. It takes
     * effect at once between events, or from the next event on when an event is running. A run without a
     * debugger pays nothing for the possibility. Any thread.
     *
     * @throws IllegalStateException when a debugger is attached already, or the run has stopped
     */
    Debugger attachDebugger(DebugListener listener);

    /** The debugger attached now; empty when none is. Any thread. */
    java.util.Optional<Debugger> debugger();

    /**
     * Events waiting in the run's queue now (network events, timers, answers not yet taken by the logic
     * thread). Any thread; a snapshot, for monitoring (metrics).
     */
    int queueLength();

    /** Whether the run has fully stopped. */
    boolean isStopped();

    /** {@link #stop}(0) and wait up to 10 seconds for the stop to complete. */
    @Override
    void close();
}
