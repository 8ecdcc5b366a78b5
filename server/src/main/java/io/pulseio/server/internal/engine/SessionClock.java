package io.pulseio.server.internal.engine;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Ticker;
import java.util.concurrent.TimeUnit;

/**
 * The time a session's timers read and the scheduler they run on: the session's event loop and
 * its ticker in a server ({@link System#nanoTime()}; an {@code EmbeddedChannel}'s virtual time in
 * tests of a whole session), a manual clock in {@code HeartbeatTest} (so that timer tests need no
 * sleeps). Tasks run on the session's thread; {@link #schedule} is called only there.
 */
interface SessionClock {
    /** The current time, in nanoseconds of an arbitrary origin, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Runs {@code task} on the session's thread after {@code delayMillis}; cancellable. */
    Timer schedule(Runnable task, long delayMillis);

    /** A scheduled task. */
    interface Timer {
        /** Stops the task unless it ran already; does nothing the second time. */
        void cancel();
    }

    /** The clock of a session living on {@code loop}: the loop's own time, which its timers use. */
    static SessionClock of(EventLoop loop) {
        Ticker ticker = loop.ticker();
        return new SessionClock() {
            @Override
            public long nanoTime() {
                return ticker.nanoTime();
            }

            @Override
            public Timer schedule(Runnable task, long delayMillis) {
                io.netty.util.concurrent.ScheduledFuture<?> f = loop.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
                return () -> f.cancel(false);
            }
        };
    }
}
