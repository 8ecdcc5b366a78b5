package io.pulseio.logic.internal.run;

import io.pulseio.logic.trace.TraceEvent;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Trace records a run's plugins make on other threads (their I/O threads): kept, and emitted on the logic
 * thread before its next event, or {@link #MILLIS} ms later when no event comes first, and before runStopped,
 * so a record made before a stop is never lost (posting each as an event let the stop drop it) and an idle
 * logic thread is not woken once per record. One timer at a time per run: records that keep coming while the
 * logic thread takes them before its events arm it at most once per {@link #MILLIS}. While a timer is armed
 * the run counts as busy, so {@code awaitIdle} sees the records.
 */
final class OtherThreadTraces {
    static final long MILLIS = 10;

    /** The one timer thread of every run's records (a daemon, made at the first use). */
    private static final class Timer {
        static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pulseio-trace-timer");
            t.setDaemon(true);
            return t;
        });
    }

    private final Run run;
    private final ConcurrentLinkedQueue<TraceEvent> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean armed = new AtomicBoolean();
    /** The event that emits the waiting records (counted like any event from outside). */
    private final Runnable event = this::emit;

    OtherThreadTraces(Run run) {
        this.run = run;
    }

    /** Keeps {@code record} (any thread); dropped once the run is stopping. */
    void add(TraceEvent record) {
        if (run.isStopping()) {
            return;
        }
        waiting.add(record);
        if (armed.compareAndSet(false, true)) {
            run.holdIdle();
            // on the wall clock, whatever the run's scheduler: a run in virtual time gets its records too
            Timer.TIMER.schedule(this::due, MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    boolean any() {
        return !waiting.isEmpty();
    }

    /** Emits the waiting records, in the order they were made (logic thread). */
    void emit() {
        for (TraceEvent e; (e = waiting.poll()) != null; ) {
            run.interpreter.emit(e);
        }
    }

    /** The timer: an event for the records still waiting, if any. */
    private void due() {
        armed.set(false); // a record added from now on arms the next timer
        if (any() && !run.isStopping()) {
            run.queueHeld(event); // its end releases what holdIdle held
        } else {
            run.releaseIdle();
        }
    }
}
