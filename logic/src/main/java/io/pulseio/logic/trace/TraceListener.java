package io.pulseio.logic.trace;

/**
 * Observes a run. Called on the run's logic thread only, in order, so implementations need no locking;
 * nothing is called after {@link TraceEvent.RunStopped}. Must be quick and must not throw (a throwing
 * listener is logged and ignored).
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
