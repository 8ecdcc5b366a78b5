package io.pulseio.server.internal.engine;

import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;

/**
 * The time a session's timers read and the scheduler they run on: the session's event loop and
 * {@link System#nanoTime()} in a server, a manual clock in tests (so that timer tests need no
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

  /** The clock of a session living on {@code loop}. */
  static SessionClock of(EventLoop loop) {
    return new SessionClock() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public Timer schedule(Runnable task, long delayMillis) {
        io.netty.util.concurrent.ScheduledFuture<?> f =
            loop.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
      }
    };
  }
}
