package io.pulseio.server.internal.engine;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The server's side of the Engine.IO v4 heartbeat: a ping every {@code pingInterval}, and the
 * session ends when no pong follows within {@code pingTimeout}. The pong is due {@code
 * pingTimeout} after the planned time of the ping, or after the moment it went when its timer ran
 * late and the client could take it at once (a held poll, an idle WebSocket): a late timer never
 * shortens the time of a client that listens, and a client that is not listening (no poll held)
 * gets no more time because the server's timer was late. Used on the session's thread only; its
 * time and timers are the {@link SessionClock}'s.
 */
final class Heartbeat {
    private final SessionClock clock;
    private final long intervalMillis;
    private final long timeoutMillis;
    private final Runnable sendPing;
    private final BooleanSupplier pingGoesNow;
    private final Runnable timedOut;
    private SessionClock.Timer pingTimer;
    private SessionClock.Timer timeoutTimer;
    /** When the pong is due; meaningful while {@link #awaitingPong}. */
    private long deadline;
    /** When the pong is due if the ping goes on time: {@code pingInterval + pingTimeout} after
     *  {@link #schedule}. */
    private long plannedDeadline;
    /** A ping went and no pong came since: nothing is due before the ping is sent. */
    private boolean awaitingPong;

    /**
     * @param sendPing queues a ping for the client
     * @param pingGoesNow true when a ping queued now goes to the client at once
     * @param timedOut ends the session
     */
    Heartbeat(
            SessionClock clock,
            long intervalMillis,
            long timeoutMillis,
            Runnable sendPing,
            BooleanSupplier pingGoesNow,
            Runnable timedOut) {
        this.clock = clock;
        this.intervalMillis = intervalMillis;
        this.timeoutMillis = timeoutMillis;
        this.sendPing = sendPing;
        this.pingGoesNow = pingGoesNow;
        this.timedOut = timedOut;
    }

    /** Schedules the next ping (at the start, and after each pong). */
    void schedule() {
        stop();
        plannedDeadline = clock.nanoTime() + TimeUnit.MILLISECONDS.toNanos(intervalMillis + timeoutMillis);
        pingTimer = clock.schedule(this::ping, intervalMillis);
    }

    private void ping() {
        pingTimer = null;
        boolean listening = pingGoesNow.getAsBoolean();
        sendPing.run();
        long now = clock.nanoTime();
        deadline = listening
                ? Math.max(plannedDeadline, now + TimeUnit.MILLISECONDS.toNanos(timeoutMillis))
                : plannedDeadline;
        awaitingPong = true;
        timeoutTimer = clock.schedule(
                () -> {
                    timeoutTimer = null;
                    timedOut.run();
                },
                Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - now + 999_999)));
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
