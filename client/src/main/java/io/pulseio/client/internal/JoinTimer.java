package io.pulseio.client.internal;

import io.pulseio.client.ClientOptions;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one timer of a socket's namespace join, confined to the event loop: the deadline of the
 * CONNECT answer ({@code connectTimeout}), then, after a timeout, the backoff delay before the
 * next try ({@code reconnection}, {@code reconnectionAttempts}).
 */
final class JoinTimer {
    private final ScheduledExecutorService loop;
    private final ClientOptions options;
    private final Backoff backoff;
    private ScheduledFuture<?> timer;

    JoinTimer(ScheduledExecutorService loop, ClientOptions options, Backoff backoff) {
        this.loop = loop;
        this.options = options;
        this.backoff = backoff;
    }

    /** A CONNECT went out: runs {@code onTimeout} unless {@link #cancel} comes first. */
    void awaitAnswer(Runnable onTimeout) {
        schedule(onTimeout, options.connectTimeout().toMillis());
    }

    /** The join timed out: runs {@code retry} after the next backoff delay, while attempts remain. */
    void retryLater(Runnable retry) {
        if (options.reconnection() && backoff.attempts() < options.reconnectionAttempts()) {
            schedule(retry, backoff.nextDelayMillis());
        }
    }

    /**
     * True while a join is under way: a CONNECT awaits its answer, or a retry waits out its backoff
     * delay. A socket then ignores another connect(): a second CONNECT for the namespace makes
     * socket.io close the whole connection ("invalid state").
     */
    boolean pending() {
        return timer != null;
    }

    /** Stops the timer. */
    void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** Joined, or stopped trying: stops the timer, and the next failure starts the backoff over. */
    void reset() {
        cancel();
        backoff.reset();
    }

    private void schedule(Runnable task, long delayMillis) {
        cancel();
        timer = loop.schedule(
                () -> {
                    timer = null;
                    task.run();
                },
                delayMillis,
                TimeUnit.MILLISECONDS);
    }
}
