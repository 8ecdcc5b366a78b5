package io.pulseio.bench.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.bench.client.BenchClient.Connection;
import io.pulseio.client.Subscription;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/** The four scenarios of the shared benchmark; each returns the exit code and fills the result. */
final class Scenarios {
    private final BenchClient bench;
    private final String payload;
    private final int size;
    private final ObjectNode result;

    Scenarios(BenchClient bench, String payload, int size, ObjectNode result) {
        this.bench = bench;
        this.payload = payload;
        this.size = size;
        this.result = result;
    }

    int emit(int n, int warmup) throws Exception {
        try (Connection c = bench.connect()) {
            if (warmup > 0) {
                long counted = emitPhase(c, warmup);
                if (counted != warmup) {
                    throw new IllegalStateException("warm-up: server counted " + counted + "/" + warmup);
                }
            }
            long[] counted = new long[1];
            measured(c, () -> counted[0] = emitPhase(c, n));
            boolean ok = counted[0] == n;
            result.put("server_count", counted[0]);
            result.put("all_counted", ok);
            result.put("ok", ok);
            result.put("rate", rate(n));
            return ok ? 0 : 1;
        }
    }

    private long emitPhase(Connection c, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            c.socket.emit("count", payload);
        }
        List<JsonNode> reply = await(c, c.socket.emitWithAck("count-done"), "count-done after " + count + " emits");
        return reply.get(0).asLong();
    }

    int ack(int n, int warmup) throws Exception {
        try (Connection c = bench.connect()) {
            if (warmup > 0) {
                ackPhase(c, warmup, new long[warmup]);
            }
            long[] latencies = new long[n];
            int[] bad = new int[1];
            measured(c, () -> bad[0] = ackPhase(c, n, latencies));
            Arrays.sort(latencies);
            boolean ok = bad[0] == 0;
            result.put("ok", ok);
            result.put("bad_replies", bad[0]);
            result.put("rate", rate(n));
            result.put("mean_us", Metrics.round(Metrics.mean(latencies) / 1e3, 1));
            result.put("p50_us", Metrics.round(Metrics.percentile(latencies, 0.5) / 1e3, 1));
            result.put("p90_us", Metrics.round(Metrics.percentile(latencies, 0.9) / 1e3, 1));
            result.put("p99_us", Metrics.round(Metrics.percentile(latencies, 0.99) / 1e3, 1));
            result.put("max_us", Metrics.round(latencies[n - 1] / 1e3, 1));
            return ok ? 0 : 1;
        }
    }

    /** Sequential round trips: each next emit is issued from the previous ack's callback. */
    private int ackPhase(Connection c, int count, long[] latencies) throws Exception {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        AtomicInteger progress = new AtomicInteger();
        new BiConsumer<List<JsonNode>, Throwable>() {
            int i;
            int bad;
            long start;

            void next() {
                if (i == count) {
                    done.complete(bad);
                    return;
                }
                start = System.nanoTime();
                c.socket.emitWithAck("echo", payload).whenComplete(this);
            }

            @Override
            public void accept(List<JsonNode> reply, Throwable error) {
                if (error != null) {
                    done.completeExceptionally(error);
                    return;
                }
                latencies[i] = System.nanoTime() - start;
                JsonNode r = reply.isEmpty() ? null : reply.get(0);
                if (r == null || !r.isTextual() || r.textValue().length() != payload.length()) {
                    bad++;
                }
                progress.set(++i);
                next();
            }
        }.next();
        return await(c, done, () -> "ack " + progress.get() + "/" + count);
    }

    int push(int n, int warmup) throws Exception {
        try (Connection c = bench.connect()) {
            if (warmup > 0) {
                pushPhase(c, warmup);
            }
            int[] out = new int[2];
            measured(c, () -> {
                int[] r = pushPhase(c, n);
                out[0] = r[0];
                out[1] = r[1];
            });
            boolean ok = out[0] == n && out[1] == 0;
            result.put("received", out[0]);
            result.put("bad_payloads", out[1]);
            result.put("ok", ok);
            result.put("rate", rate(n));
            return ok ? 0 : 1;
        }
    }

    /** Returns {received, payloads of the wrong size}. Counters are touched on the event loop only. */
    private int[] pushPhase(Connection c, int count) throws Exception {
        int[] counts = new int[2];
        CompletableFuture<int[]> done = new CompletableFuture<>();
        try (Subscription p = c.socket.on("p", (args, ack) -> {
                    counts[0]++;
                    if (args.isEmpty()
                            || args.get(0).textValue() == null
                            || args.get(0).textValue().length() != size) {
                        counts[1]++;
                    }
                });
                Subscription end = c.socket.on("push-done", (args, ack) -> done.complete(counts.clone()))) {
            c.socket.emit("push", count, size);
            return await(c, done, () -> "push received " + counts[0] + "/" + count);
        }
    }

    int connect(int n, int warmup) throws Exception {
        for (int i = 0; i < warmup; i++) {
            bench.connect().close();
        }
        long[] latencies = new long[n];
        Metrics before = Metrics.now();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            Connection c = bench.connect();
            latencies[i] = System.nanoTime() - start;
            c.socket.disconnect();
            c.close();
        }
        double elapsedMs = (System.nanoTime() - t0) / 1e6;
        Metrics.now().since(before, result);
        Arrays.sort(latencies);
        result.put("ok", true);
        result.put("elapsed_ms", Metrics.round(elapsedMs, 3));
        result.put("rate", Metrics.round(n / (elapsedMs / 1000), 1));
        result.put("mean_ms", Metrics.round(Metrics.mean(latencies) / 1e6, 3));
        result.put("p50_ms", Metrics.round(Metrics.percentile(latencies, 0.5) / 1e6, 3));
        result.put("p99_ms", Metrics.round(Metrics.percentile(latencies, 0.99) / 1e6, 3));
        result.put("max_ms", Metrics.round(latencies[n - 1] / 1e6, 3));
        return 0;
    }

    private interface Phase {
        void run() throws Exception;
    }

    /** Runs a phase between two server {@code stats} calls; records elapsed, CPU, GC and threads. */
    private void measured(Connection c, Phase phase) throws Exception {
        Long serverBefore = serverCpuUs(c);
        Metrics before = Metrics.now();
        long t0 = System.nanoTime();
        phase.run();
        double elapsedMs = (System.nanoTime() - t0) / 1e6;
        Metrics.now().since(before, result);
        Long serverAfter = serverCpuUs(c);
        result.put("elapsed_ms", Metrics.round(elapsedMs, 3));
        if (serverBefore != null && serverAfter != null) {
            result.put("server_cpu_ms", Metrics.round((serverAfter - serverBefore) / 1e3, 1));
        }
    }

    private Long serverCpuUs(Connection c) throws Exception {
        JsonNode stats = await(c, c.socket.emitWithAck("stats"), "stats").get(0);
        JsonNode cpu = stats == null ? null : stats.get("cpu_us");
        return cpu == null || !cpu.isNumber() ? null : cpu.asLong();
    }

    private double rate(int n) {
        return Metrics.round(n / (result.get("elapsed_ms").asDouble() / 1000), 1);
    }

    private <T> T await(Connection c, CompletableFuture<T> future, String what) throws Exception {
        return await(c, future, () -> what);
    }

    private <T> T await(Connection c, CompletableFuture<T> future, java.util.function.Supplier<String> what)
            throws Exception {
        CompletableFuture<Object> first = CompletableFuture.anyOf(future, c.lost);
        try {
            first.get(bench.phaseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("timeout: " + what.get());
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
        return future.join();
    }
}
