package io.pulseio.bench.runtime;

import io.pulseio.logic.spi.PluginContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The benchmark's side of {@link BenchPlugin}: posts commands into the run and collects what the bench
 * nodes hand back. {@link #command} and the waiting methods are for the benchmark thread; the rest is
 * called by the bench nodes on the logic thread.
 */
public final class Probe {
    /** A value a {@code bench.report} node handed back, stamped on the logic thread. */
    public record Report(String tag, String value, long nanoTime) {}

    private volatile PluginContext context;
    private final BlockingQueue<Report> reports = new LinkedBlockingQueue<>();
    // Lap state: armed by the benchmark thread before the command that starts the laps (the run's
    // queue orders the two), then touched only on the logic thread until `laps` completes.
    private long[] lapTimes = new long[0];
    private int lapCount;
    private CompletableFuture<long[]> laps = CompletableFuture.completedFuture(new long[0]);

    void attach(PluginContext context) {
        this.context = context;
    }

    void detach(PluginContext context) {
        if (this.context == context) {
            this.context = null;
        }
    }

    /** Whether a run has started the plugin and not stopped yet. */
    public boolean attached() {
        return context != null;
    }

    /**
     * Fires the {@code bench.onCommand} nodes named {@code name} (or with no name) with {@code message},
     * as one new event of the run.
     */
    public void command(String name, String message) {
        PluginContext c = context;
        if (c == null) {
            throw new IllegalStateException("no run is attached");
        }
        c.fireListeners(
                BenchPlugin.ON_COMMAND,
                a -> {
                    String only = a.string("name");
                    return only == null || only.isEmpty() || only.equals(name);
                },
                Map.of("message", message));
    }

    /** The next report, waiting up to {@code timeout}. */
    public Report nextReport(Duration timeout) throws InterruptedException, TimeoutException {
        Report r = reports.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (r == null) {
            throw new TimeoutException("no report within " + timeout.toMillis() + " ms");
        }
        return r;
    }

    /** The next report with {@code tag}, skipping others; a report tagged {@code error} fails the wait. */
    public Report nextReport(String tag, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Report r = nextReport(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (r.tag().equals(tag)) {
                return r;
            }
            if (r.tag().equals("error") && !tag.equals("error")) {
                throw new IllegalStateException("the project reported an error: " + r.value());
            }
        }
    }

    /** Arms {@code count} laps: {@code bench.lap} records times and fires until it took them all. */
    public CompletableFuture<long[]> armLaps(int count) {
        CompletableFuture<long[]> f = new CompletableFuture<>();
        lapTimes = new long[count];
        lapCount = 0;
        laps = f;
        return f;
    }

    void report(String tag, String value) {
        reports.add(new Report(tag, value, System.nanoTime()));
    }

    /** Records one lap; true when more are wanted. */
    boolean lap() {
        if (lapCount < lapTimes.length) {
            lapTimes[lapCount++] = System.nanoTime();
        }
        if (lapCount < lapTimes.length) {
            return true;
        }
        laps.complete(lapTimes);
        return false;
    }
}
