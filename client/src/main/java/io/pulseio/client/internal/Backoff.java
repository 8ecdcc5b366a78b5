package io.pulseio.client.internal;

import java.util.random.RandomGenerator;

/**
 * Reconnection delays, as Socket.IO's JavaScript client computes them: attempt {@code n} (from 0)
 * waits {@code min * 2^n}, moved up or down by a random part of up to {@code jitter} of itself,
 * then capped at {@code max}. One random draw per delay decides both the size of the move and its
 * direction. Not thread-safe: used on one event loop.
 */
final class Backoff {
    private final long minMillis;
    private final long maxMillis;
    private final double jitter;
    private final RandomGenerator random;
    private int attempts;

    Backoff(long minMillis, long maxMillis, double jitter, RandomGenerator random) {
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
        this.jitter = jitter;
        this.random = random;
    }

    /** The delay before the next attempt, in milliseconds; counts the attempt. */
    long nextDelayMillis() {
        double ms = minMillis * Math.pow(2, attempts);
        if (attempts < Integer.MAX_VALUE) {
            attempts++;
        }
        if (Double.isInfinite(ms)) {
            ms = Double.MAX_VALUE;
        }
        if (jitter > 0) {
            double rand = random.nextDouble();
            double deviation = Math.floor(rand * jitter * ms);
            boolean down = (((long) Math.floor(rand * 10)) & 1) == 0;
            ms = down ? ms - deviation : ms + deviation;
        }
        return (long) Math.min(ms, maxMillis);
    }

    /** Attempts counted since the last {@link #reset()}. */
    int attempts() {
        return attempts;
    }

    void reset() {
        attempts = 0;
    }
}
