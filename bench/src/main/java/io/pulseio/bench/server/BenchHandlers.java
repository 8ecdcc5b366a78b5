package io.pulseio.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pulseio.server.Ack;
import io.pulseio.server.Namespace;
import io.pulseio.server.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The event handlers of the reference server ({@code bench/side-by-side/node/server.js}) on one
 * socket, plus two for the load tool:
 *
 * <ul>
 *   <li>{@code echo} (...args, ack) → {@code ack(...args)}
 *   <li>{@code count} → increments this socket's counter
 *   <li>{@code count-done} (ack) → {@code ack(counter)}, then the counter is reset
 *   <li>{@code push} (n, size, [ack]) → emits {@code p} n times with a size-byte string, 500 per
 *       loop turn, then {@code push-done} (n)
 *   <li>{@code stats} (ack) → {@code ack({cpu_us, rss_kb})} of this process
 *   <li>{@code broadcast-ping} ([ack]) → emits {@code ping-all} (epoch µs) to every socket of the
 *       namespace, then {@code ack(sockets)}
 *   <li>{@code heap} (ack) → {@code ack({heap_used, rss_kb, sockets})}, heap used after full GCs
 *   <li>{@code fetch-sockets} (ack) → {@code ack(count)} of the namespace's sockets on every server
 *       of the cluster ({@code fetchSockets}), or {@code ack({error})}
 * </ul>
 *
 * <p>Listeners run on the socket's event loop, so the per-socket state needs no locking.
 */
final class BenchHandlers {
    static final int MAX_PUSH_N = 10_000_000;
    static final int MAX_PUSH_SIZE = 1 << 20;
    static final int PUSH_CHUNK = 500;

    private final Namespace namespace;
    /** Payloads as ready JSON strings: the server then has no value to convert per emit. */
    private final Map<Integer, TextNode> payloads = new ConcurrentHashMap<>();
    /** Full GCs for {@code heap} run here, not on an event loop. */
    private final ExecutorService gcThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bench-heap");
        t.setDaemon(true);
        return t;
    });

    BenchHandlers(Namespace namespace) {
        this.namespace = namespace;
    }

    void attach(ServerSocket socket) {
        long[] counter = new long[1];
        boolean[] pushing = new boolean[1];
        socket.on("echo", (args, ack) -> {
            if (ack != null) {
                ack.send(args.toArray());
            }
        });
        socket.on("count", (args, ack) -> counter[0]++);
        socket.on("count-done", (args, ack) -> {
            long c = counter[0];
            counter[0] = 0;
            if (ack != null) {
                ack.send(LongNode.valueOf(c));
            }
        });
        socket.on("stats", (args, ack) -> {
            if (ack != null) {
                ack.send(Map.of("cpu_us", ProcessStats.cpuMicros(), "rss_kb", ProcessStats.rssKb()));
            }
        });
        socket.on("push", (args, ack) -> push(socket, args, ack, pushing));
        socket.on("broadcast-ping", (args, ack) -> {
            Instant now = Instant.now();
            long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
            namespace.emit("ping-all", micros);
            if (ack != null) {
                ack.send(namespace.sockets().size());
            }
        });
        socket.on(
                "fetch-sockets",
                (args, ack) -> namespace.fetchSockets().whenComplete((all, failure) -> {
                    if (ack != null) {
                        ack.send(failure == null ? (Object) all.size() : Map.of("error", String.valueOf(failure)));
                    }
                }));
        socket.on("heap", (args, ack) -> {
            if (ack != null) {
                gcThread.execute(() -> ack.send(Map.of(
                        "heap_used",
                        ProcessStats.usedHeapAfterGc(),
                        "rss_kb",
                        ProcessStats.rssKb(),
                        "sockets",
                        namespace.sockets().size())));
            }
        });
    }

    private void push(ServerSocket socket, List<JsonNode> args, Ack ack, boolean[] pushing) {
        int n = bounded(args, 0, MAX_PUSH_N);
        int size = bounded(args, 1, MAX_PUSH_SIZE);
        if (pushing[0]) {
            if (ack != null) {
                ack.send(Map.of("error", "busy"));
            }
            return;
        }
        pushing[0] = true;
        if (ack != null) {
            ack.send(Map.of("n", n, "size", size));
        }
        TextNode payload = payloads.computeIfAbsent(size, s -> TextNode.valueOf("x".repeat(s)));
        new Runnable() {
            int sent;

            @Override
            public void run() {
                if (!socket.connected()) {
                    pushing[0] = false;
                    return;
                }
                int end = Math.min(n, sent + PUSH_CHUNK);
                for (; sent < end; sent++) {
                    socket.emit("p", payload);
                }
                if (sent < n) {
                    socket.execute(this); // the next chunk in a later turn of the socket's loop
                } else {
                    pushing[0] = false;
                    socket.emit("push-done", IntNode.valueOf(n));
                }
            }
        }.run();
    }

    /** Argument {@code i} as a whole number clamped to 0..max, as {@code Math.floor(Number(x)||0)}. */
    private static int bounded(List<JsonNode> args, int i, int max) {
        if (args.size() <= i) {
            return 0;
        }
        JsonNode v = args.get(i);
        double d = v.isNumber() ? v.doubleValue() : v.isTextual() ? parse(v.textValue()) : 0;
        if (Double.isNaN(d)) {
            return 0;
        }
        return (int) Math.min(Math.max(0, Math.floor(d)), max);
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
