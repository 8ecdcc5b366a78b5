package io.pulseio.bench.official;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Process figures of this JVM for one measured window (CPU, GC, threads started) and its peak RSS;
 * the same figures the pulseio candidate reports, read the same way, so the two compare.
 */
final class Measure {
  private final long cpuNs;
  private final long gcMs;
  private final long gcCount;
  private final long threadsStarted;
  private final long startNs = System.nanoTime();

  private Measure() {
    long cpu = -1;
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      cpu = os.getProcessCpuTime();
    }
    long ms = 0;
    long count = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, gc.getCollectionTime());
      count += Math.max(0, gc.getCollectionCount());
    }
    cpuNs = cpu;
    gcMs = ms;
    gcCount = count;
    threadsStarted = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
  }

  /** Starts a window now. */
  static Measure start() {
    return new Measure();
  }

  /** Ends the window: puts elapsed_ms, client_cpu_ms, gc_ms, gc_count, threads_started. */
  double end(Map<String, Object> out) {
    double elapsedMs = (System.nanoTime() - startNs) / 1e6;
    Measure now = new Measure();
    out.put("elapsed_ms", round(elapsedMs, 3));
    if (cpuNs >= 0 && now.cpuNs >= 0) {
      out.put("client_cpu_ms", round((now.cpuNs - cpuNs) / 1e6, 1));
    }
    out.put("gc_ms", now.gcMs - gcMs);
    out.put("gc_count", now.gcCount - gcCount);
    out.put("threads_started", now.threadsStarted - threadsStarted);
    return elapsedMs;
  }

  /** VmHWM of this process in KiB, or null where /proc/self/status cannot be read. */
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

  /** Puts mean and p50/p90/p99/max of {@code nanos} (sorted in place) in {@code unit}s. */
  static void latencies(long[] nanos, String unit, Map<String, Object> out) {
    Arrays.sort(nanos);
    double div = unit.equals("ms") ? 1e6 : 1e3;
    out.put("mean_" + unit, round(Arrays.stream(nanos).average().orElse(0) / div, 3));
    out.put("p50_" + unit, round(rank(nanos, 0.50) / div, 3));
    out.put("p90_" + unit, round(rank(nanos, 0.90) / div, 3));
    out.put("p99_" + unit, round(rank(nanos, 0.99) / div, 3));
    out.put("max_" + unit, round(nanos[nanos.length - 1] / div, 3));
  }

  /** The p-th quantile (0..1) of sorted values, nearest rank. */
  private static long rank(long[] sorted, double p) {
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static double round(double x, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(x * f) / f;
  }
}
