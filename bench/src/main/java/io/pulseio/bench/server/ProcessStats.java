package io.pulseio.bench.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time, resident memory and heap of this process, for the {@code stats} and {@code heap} acks. */
final class ProcessStats {
    private static final int MAX_GC_ROUNDS = 5;

    private ProcessStats() {}

    /** User + system CPU time of the process in microseconds, or -1 when unknown. */
    static long cpuMicros() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1000;
        }
        return -1;
    }

    /** VmRSS from /proc/self/status in KiB, or -1 when unknown. */
    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Used heap in bytes after full collections: {@code System.gc()} until the figure stops falling
     * by more than 1 % (at most five rounds). Blocks the calling thread for the collections.
     */
    static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < MAX_GC_ROUNDS; i++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            boolean settled = now >= used - used / 100;
            used = Math.min(used, now);
            if (settled) {
                break;
            }
        }
        return used;
    }
}
