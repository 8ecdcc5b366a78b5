package io.pulseio.server.internal.engine;

import java.util.concurrent.TimeUnit;

/**
 * The server's side of the Engine.IO v4 heartbeat: a ping every {@code pingInterval}, and the
 * session ends when no pong follows within {@code pingTimeout} of the ping being sent (as the
 * Node.js server counts it: a ping timer that fires late gives the client its full timeout all
 * the same). Used on the session's thread only; its time and timers are the {@link SessionClock}'s.
 */
final class Heartbeat {
  private final SessionClock clock;
  private final long intervalMillis;
  private final long timeoutMillis;
  private final Runnable sendPing;
  private final Runnable timedOut;
  private SessionClock.Timer pingTimer;
  private SessionClock.Timer timeoutTimer;
  /** When the pong is due; meaningful while {@link #awaitingPong}. */
  private long deadline;
  /** A ping went and no pong came since: nothing is due before the ping is sent. */
  private boolean awaitingPong;

  Heartbeat(SessionClock clock, long intervalMillis, long timeoutMillis, Runnable sendPing,
      Runnable timedOut) {
    this.clock = clock;
    this.intervalMillis = intervalMillis;
    this.timeoutMillis = timeoutMillis;
    this.sendPing = sendPing;
    this.timedOut = timedOut;
  }

  /** Schedules the next ping (at the start, and after each pong). */
  void schedule() {
    stop();
    pingTimer = clock.schedule(this::ping, intervalMillis);
  }

  private void ping() {
    pingTimer = null;
    sendPing.run();
    // counted from the moment the ping goes, which is later than planned when the timer was late
    deadline = clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    awaitingPong = true;
    timeoutTimer = clock.schedule(() -> {
      timeoutTimer = null;
      timedOut.run();
    }, timeoutMillis);
  }

  /**
   * True when a ping was sent and its pong deadline has passed, even if a late timer has not
   * fired yet: whatever arrives after the deadline finds the session timed out, as with a
   * punctual timer. Before the ping goes (its timer may be late too), nothing has expired.
   */
  boolean expired() {
    return awaitingPong && clock.nanoTime() - deadline >= 0;
  }

  void stop() {
    awaitingPong = false;
    if (pingTimer != null) {
      pingTimer.cancel();
      pingTimer = null;
    }
    if (timeoutTimer != null) {
      timeoutTimer.cancel();
      timeoutTimer = null;
    }
  }
}
