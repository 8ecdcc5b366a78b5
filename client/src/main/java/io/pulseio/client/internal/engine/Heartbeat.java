package io.pulseio.client.internal.engine;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.pulseio.protocol.Handshake;
import java.util.concurrent.TimeUnit;

/**
 * The client's side of the Engine.IO v4 heartbeat: the server pings every {@code pingInterval},
 * and the session is dead when nothing has arrived for {@code pingInterval + pingTimeout}. Like
 * engine.io-client, any packet proves the server alive, not only a ping.
 *
 * <p>A single timer checked against a deadline that every received packet moves; it is re-armed
 * only when it fires, not rescheduled per packet. Used on the session's event loop only.
 */
final class Heartbeat {
    private final EventLoop loop;
    private final Runnable timedOut;
    private ScheduledFuture<?> timer;
    private long windowNanos;
    private long lastPacketNanos;
    private boolean running;

    /** {@code timedOut} runs on the loop when the deadline passes with nothing received. */
    Heartbeat(EventLoop loop, Runnable timedOut) {
        this.loop = loop;
        this.timedOut = timedOut;
    }

    /** Starts watching, with the handshake's timings; the handshake counts as the first packet. */
    void start(Handshake h) {
        windowNanos = TimeUnit.MILLISECONDS.toNanos(h.pingInterval() + h.pingTimeout());
        lastPacketNanos = now();
        running = true;
        timer = loop.schedule(this::check, windowNanos, TimeUnit.NANOSECONDS);
    }

    /** A packet arrived: moves the deadline. */
    void packetArrived() {
        lastPacketNanos = now();
    }

    /** Stops watching for good. */
    void stop() {
        running = false;
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void check() {
        timer = null;
        if (!running) {
            return;
        }
        long left = lastPacketNanos + windowNanos - now();
        if (left <= 0) {
            timedOut.run();
        } else {
            timer = loop.schedule(this::check, left, TimeUnit.NANOSECONDS);
        }
    }

    private long now() {
        return loop.ticker().nanoTime();
    }
}
