package io.pulseio.bench.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Process figures for a measured window: CPU, GC, threads started; and peak RSS. */
final class Metrics {
    private final long cpuNs;
    private final long gcMs;
    private final long gcCount;
    private final long threadsStarted;

    private Metrics(long cpuNs, long gcMs, long gcCount, long threadsStarted) {
        this.cpuNs = cpuNs;
        this.gcMs = gcMs;
        this.gcCount = gcCount;
        this.threadsStarted = threadsStarted;
    }

    static Metrics now() {
        long cpu = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            cpu = os.getProcessCpuTime();
        }
        long gcMs = 0;
        long gcCount = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMs += Math.max(0, gc.getCollectionTime());
            gcCount += Math.max(0, gc.getCollectionCount());
        }
        return new Metrics(
                cpu, gcMs, gcCount, ManagementFactory.getThreadMXBean().getTotalStartedThreadCount());
    }

    /** Writes the difference between {@code before} and now into {@code out}. */
    void since(Metrics before, ObjectNode out) {
        if (cpuNs >= 0 && before.cpuNs >= 0) {
            out.put("client_cpu_ms", round((cpuNs - before.cpuNs) / 1e6, 1));
        }
        out.put("gc_ms", gcMs - before.gcMs);
        out.put("gc_count", gcCount - before.gcCount);
        out.put("threads_started", threadsStarted - before.threadsStarted);
    }

    /** VmHWM of this process in KiB, or null where /proc is not there. */
    static Long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** The p-th percentile (0..1) of sorted values, nearest rank. */
    static long percentile(long[] sorted, double p) {
        int idx = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
        return sorted[idx];
    }

    static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    static double round(double x, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(x * f) / f;
    }
}
