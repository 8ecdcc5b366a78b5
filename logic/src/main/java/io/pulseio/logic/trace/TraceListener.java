package io.pulseio.logic.trace;

/**
 * Observes a run. Called on the run's logic thread only, in order, so implementations need no locking;
 * nothing is called after {@link TraceEvent.RunStopped}. The records an event makes are handed over when
 * it ends (or before a pause, or as soon as 256 wait), so that the listener's work is not on the
 * event's own path. Must be quick and must not throw (a throwing listener is logged and ignored).
 */
@FunctionalInterface
public interface TraceListener {

    /** Ignores everything; the runtime skips building records when this is the listener. */
    TraceListener NONE = event -> {};

    void onEvent(TraceEvent event);

    /** A listener that forwards to both. */
    static TraceListener both(TraceListener a, TraceListener b) {
        if (a == NONE) {
            return b;
        }
        if (b == NONE) {
            return a;
        }
        return e -> {
            a.onEvent(e);
            b.onEvent(e);
        };
    }
}
