package io.pulseio.server.internal.engine;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The server's side of the Engine.IO v4 heartbeat: a ping every {@code pingInterval}, and the
 * session ends when no pong follows within {@code pingTimeout}. Used on the session's loop only.
 */
final class Heartbeat {
  private final EventLoop loop;
  private final long intervalMillis;
  private final long timeoutMillis;
  private final Runnable sendPing;
  private final Runnable timedOut;
  private ScheduledFuture<?> pingTimer;
  private ScheduledFuture<?> timeoutTimer;
  private long deadline;

  Heartbeat(EventLoop loop, long intervalMillis, long timeoutMillis, Runnable sendPing,
      Runnable timedOut) {
    this.loop = loop;
    this.intervalMillis = intervalMillis;
    this.timeoutMillis = timeoutMillis;
    this.sendPing = sendPing;
    this.timedOut = timedOut;
  }

  /** Schedules the next ping (at the start, and after each pong). */
  void schedule() {
    stop();
    pingTimer = loop.schedule(this::ping, intervalMillis, TimeUnit.MILLISECONDS);
    deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(intervalMillis + timeoutMillis);
  }

  private void ping() {
    sendPing.run();
    timeoutTimer = loop.schedule(timedOut, timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * True when the pong deadline has passed, even if a late timer has not fired yet: whatever
   * arrives after the deadline finds the session timed out, as with a punctual timer.
   */
  boolean expired() {
    return System.nanoTime() - deadline >= 0;
  }

  void stop() {
    if (pingTimer != null) {
      pingTimer.cancel(false);
    }
    if (timeoutTimer != null) {
      timeoutTimer.cancel(false);
    }
  }
}
