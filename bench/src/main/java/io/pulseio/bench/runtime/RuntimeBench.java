package io.pulseio.bench.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.Json;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * End-to-end runtime benchmark against the Node reference server ({@code bench/side-by-side/node/server.js}):
 * the same work done by the raw pulseio client and by a project run by the logic runtime, in the same
 * process, alternating, for several rounds.
 * <ul>
 *   <li>{@code echo}: the server pushes N events {@code p}; each is sent back as {@code count}; then
 *       {@code count-done} (with ack) returns the server's count. Events/s = N / (push sent → count known).
 *   <li>{@code ack}: N sequential {@code echo} round trips with ack, each next send issued from the previous
 *       reply (raw: emitWithAck callback; project: Send With Ack's {@code onReply} pulse). Percentiles of
 *       the send → reply → next send cycle.
 * </ul>
 * Usage: {@code RuntimeBench URL [--n N] [--acks N] [--rounds R] [--size BYTES] [--timeout-s S]}.
 * One JSON line per measurement and a summary line on stdout; a short summary for people on stderr.
 */
public final class RuntimeBench {
    static final int MAX_N = 200_000;

    private RuntimeBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args[0].startsWith("-")) {
            System.err.println(
                    "usage: RuntimeBench URL [--n N] [--acks N] [--rounds R] [--size BYTES] [--timeout-s S]");
            System.exit(64);
        }
        String url = args[0];
        int n = 50_000;
        int acks = 5_000;
        int rounds = 3;
        int size = 16;
        int timeoutS = 60;
        for (int i = 1; i + 1 < args.length; i += 2) {
            int v = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--n" -> n = v;
                case "--acks" -> acks = v;
                case "--rounds" -> rounds = v;
                case "--size" -> size = v;
                case "--timeout-s" -> timeoutS = v;
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(64);
                }
            }
        }
        if (n < 1 || n > MAX_N || acks < 1 || acks > MAX_N || rounds < 1 || rounds > 20 || size < 0 || size > 4096) {
            System.err.println("out of range: 1 ≤ N, ACKS ≤ " + MAX_N + ", 1 ≤ ROUNDS ≤ 20, 0 ≤ SIZE ≤ 4096");
            System.exit(64);
        }
        int code = new RuntimeBench().run(url, n, acks, rounds, "x".repeat(size), Duration.ofSeconds(timeoutS));
        System.exit(code);
    }

    private int run(String url, int n, int acks, int rounds, String payload, Duration timeout) throws Exception {
        String loadBefore = loadAverage();
        List<Double> rawRates = new ArrayList<>();
        List<Double> runRates = new ArrayList<>();
        List<double[]> rawAcks = new ArrayList<>();
        List<double[]> runAcks = new ArrayList<>();
        boolean ok = true;
        try (RawSide raw = new RawSide(url, timeout);
                ProjectSide project = new ProjectSide(url, timeout)) {
            // Warm-up: both paths, untimed, the full work once each (the JIT settles within it).
            raw.echoThrough(n);
            project.echoThrough(n);
            raw.ackRoundTrips(acks, payload);
            project.ackRoundTrips(acks, payload);
            for (int round = 1; round <= rounds; round++) {
                boolean rawFirst = round % 2 == 1;
                for (int k = 0; k < 2; k++) {
                    boolean isRaw = (k == 0) == rawFirst;
                    long cpu0 = cpuNanos();
                    long serverCpu0 = raw.serverCpuMicros();
                    long[] r = isRaw ? raw.echoThrough(n) : project.echoThrough(n);
                    long serverCpu = raw.serverCpuMicros() - serverCpu0;
                    double rate = n / (r[1] / 1e9);
                    ok &= r[0] == n;
                    (isRaw ? rawRates : runRates).add(rate);
                    ObjectNode line = line("echo", isRaw, round, n);
                    line.put("server_count", r[0]);
                    line.put("ok", r[0] == n);
                    line.put("elapsed_ms", round(r[1] / 1e6, 2));
                    line.put("events_per_s", Math.round(rate));
                    line.put("cpu_ms", round((cpuNanos() - cpu0) / 1e6, 1));
                    if (serverCpu0 >= 0) {
                        line.put("server_cpu_ms", round(serverCpu / 1e3, 1));
                    }
                    System.out.println(line);
                }
                for (int k = 0; k < 2; k++) {
                    boolean isRaw = (k == 0) == rawFirst;
                    long cpu0 = cpuNanos();
                    Laps laps = isRaw ? raw.ackRoundTrips(acks, payload) : project.ackRoundTrips(acks, payload);
                    double[] p = {laps.percentileUs(0.5), laps.percentileUs(0.9), laps.percentileUs(0.99), laps.meanUs()
                    };
                    (isRaw ? rawAcks : runAcks).add(p);
                    ObjectNode line = line("ack", isRaw, round, acks);
                    line.put("ok", laps.count() == acks);
                    line.put("size", payload.length());
                    line.put("p50_us", round(p[0], 1));
                    line.put("p90_us", round(p[1], 1));
                    line.put("p99_us", round(p[2], 1));
                    line.put("mean_us", round(p[3], 1));
                    line.put("cpu_ms", round((cpuNanos() - cpu0) / 1e6, 1));
                    System.out.println(line);
                }
            }
        }
        summarize(rawRates, runRates, rawAcks, runAcks, loadBefore, ok);
        return ok ? 0 : 1;
    }

    private void summarize(
            List<Double> rawRates,
            List<Double> runRates,
            List<double[]> rawAcks,
            List<double[]> runAcks,
            String loadBefore,
            boolean ok) {
        double[] ratios = new double[rawRates.size()];
        double[] added = new double[rawRates.size()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = runRates.get(i) / rawRates.get(i);
            added[i] = runAcks.get(i)[0] - rawAcks.get(i)[0];
        }
        double rawRate =
                median(rawRates.stream().mapToDouble(Double::doubleValue).toArray());
        double runRate =
                median(runRates.stream().mapToDouble(Double::doubleValue).toArray());
        double rawP50 = median(rawAcks.stream().mapToDouble(a -> a[0]).toArray());
        double runP50 = median(runAcks.stream().mapToDouble(a -> a[0]).toArray());
        double rawP99 = median(rawAcks.stream().mapToDouble(a -> a[2]).toArray());
        double runP99 = median(runAcks.stream().mapToDouble(a -> a[2]).toArray());
        ObjectNode s = Json.MAPPER.createObjectNode();
        s.put("measurement", "summary");
        s.put("ok", ok);
        s.put("rounds", rawRates.size());
        s.put("echo_raw_events_per_s", Math.round(rawRate));
        s.put("echo_runtime_events_per_s", Math.round(runRate));
        s.put("echo_ratio", round(runRate / rawRate, 3));
        s.put("echo_ratio_paired_median", round(median(ratios), 3));
        s.put("ack_raw_p50_us", round(rawP50, 1));
        s.put("ack_runtime_p50_us", round(runP50, 1));
        s.put("ack_added_p50_us", round(runP50 - rawP50, 1));
        s.put("ack_added_p50_us_paired_median", round(median(added), 1));
        s.put("ack_raw_p99_us", round(rawP99, 1));
        s.put("ack_runtime_p99_us", round(runP99, 1));
        s.put("load_before", loadBefore);
        s.put("load_after", loadAverage());
        s.put("cpus", Runtime.getRuntime().availableProcessors());
        s.put("java", System.getProperty("java.version"));
        s.put("time", Instant.now().toString());
        System.out.println(s);
        System.err.printf(
                "echo-through (medians of %d rounds): raw %,.0f events/s, runtime %,.0f events/s = %.0f %%; "
                        + "median of per-round ratios %.0f %% (target >= 100 %%)%n",
                rawRates.size(), rawRate, runRate, 100 * runRate / rawRate, 100 * median(ratios));
        System.err.printf(
                "ack round trip p50: raw %.1f µs, runtime %.1f µs, added %.1f µs; median of per-round "
                        + "differences %.1f µs (target <= 20 µs)%n",
                rawP50, runP50, runP50 - rawP50, median(added));
        System.err.printf("ack round trip p99: raw %.1f µs, runtime %.1f µs%n", rawP99, runP99);
        System.err.printf("load average before/after: %s / %s%n", loadBefore, loadAverage());
    }

    private static ObjectNode line(String measurement, boolean raw, int round, int n) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("measurement", measurement);
        o.put("impl", raw ? "raw-client" : "runtime");
        o.put("round", round);
        o.put("n", n);
        return o;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    private static double round(double x, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(x * f) / f;
    }

    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : 0;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
