package io.pulseio.logic.time;

/**
 * The runtime's only source of time: a monotonic clock and delayed tasks. Inject a
 * {@link ManualScheduler} in tests to run timers in virtual time. Implementations are thread-safe.
 */
public interface Scheduler {

    /** Monotonic nanoseconds; only differences are meaningful. */
    long nanoTime();

    /**
     * Runs {@code task} once after {@code delayMillis} (0 or less: as soon as possible) on a scheduler
     * thread; the task must be quick (the runtime's tasks only post to the logic queue).
     */
    Cancellable schedule(long delayMillis, Runnable task);

    /** A scheduler on the system clock with one daemon thread; {@link #close()} stops it. */
    static SystemScheduler system() {
        return new SystemScheduler();
    }
}
