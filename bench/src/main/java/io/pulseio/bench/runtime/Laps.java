package io.pulseio.bench.runtime;

import java.util.Arrays;

/**
 * Round-trip times from lap stamps: stamp 0 is taken just before the first send, stamp i when reply i
 * arrived (and the next send is about to be issued), so interval i is one send → reply → next send cycle.
 */
record Laps(long[] sortedNanos) {

    static Laps of(long[] stamps) {
        long[] d = new long[stamps.length - 1];
        for (int i = 1; i < stamps.length; i++) {
            d[i - 1] = stamps[i] - stamps[i - 1];
        }
        Arrays.sort(d);
        return new Laps(d);
    }

    int count() {
        return sortedNanos.length;
    }

    /** The p-th percentile (0..1) in µs, nearest rank. */
    double percentileUs(double p) {
        int i = (int) Math.min(sortedNanos.length - 1, Math.max(0, Math.ceil(p * sortedNanos.length) - 1));
        return sortedNanos[i] / 1e3;
    }

    double meanUs() {
        return Arrays.stream(sortedNanos).average().orElse(0) / 1e3;
    }
}
