package io.pulseio.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.EventLoops;
import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import io.pulseio.client.Transport;
import io.pulseio.protocol.Json;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Opens N concurrent WebSocket Socket.IO clients on one shared event loop group against a server,
 * or spread in turn over the servers of a cluster ({@code URL} a comma-separated list), and
 * reports how long that took; optionally the server heap per connection, the delivery time of
 * broadcasts to all of them, how many broadcasts per second reach them all, and the time of a
 * cluster-wide {@code fetchSockets}.
 *
 * <pre>
 * LoadTool URL[,URL…] N [--concurrency C] [--threads T] [--broadcasts B] [--burst K] [--fetches F]
 *          [--timeout-s S] [--hold-s H]
 * </pre>
 *
 * <p>{@code --burst K}: the control client sends K {@code broadcast-ping} back to back; the rate is
 * K over the time until all K × N receipts arrived. {@code --fetches F}: F {@code fetch-sockets}
 * round trips one after the other (p50 and max; each answer must count every client). The control
 * client talks to the first URL; heap figures are that server's.
 *
 * <p>The server must answer the events of {@code BenchServer} / {@code bench/load/node-server.js}:
 * {@code heap} (ack with {@code heap_used} after GC; optional: without it no heap figures) and
 * {@code broadcast-ping} (emits {@code ping-all} to every socket). A control client, not counted
 * in N, asks for the heap before and after the N clients connect and triggers each broadcast; the
 * delivery time of a broadcast runs from that trigger to the first and to the last receipt among
 * the N. Human-readable lines go to stderr, one JSON line to stdout. Everything is bounded:
 * N ≤ 20 000, broadcasts ≤ 20, every wait by {@code --timeout-s} (default 120).
 */
public final class LoadTool {
    static final int MAX_N = 20_000;

    private LoadTool() {}

    public static void main(String[] argv) throws Exception {
        ObjectNode out = Json.MAPPER.createObjectNode();
        int code;
        try {
            code = run(Args.parse(argv), out);
        } catch (IllegalArgumentException e) {
            System.err.println("usage: LoadTool URL[,URL...] N [--concurrency C] [--threads T] [--broadcasts B]"
                    + " [--burst K] [--fetches F] [--timeout-s S] [--hold-s H]\n" + e.getMessage());
            code = 64;
        }
        System.out.println(out);
        System.out.flush();
        System.exit(code);
    }

    private static int run(Args a, ObjectNode out) throws Exception {
        out.put("url", String.join(",", a.urls))
                .put("servers", a.urls.size())
                .put("n", a.n)
                .put("concurrency", a.concurrency)
                .put("threads", a.threads);
        Duration timeout = Duration.ofSeconds(a.timeoutS);
        try (EventLoops controlLoop = EventLoops.create(1);
                Crowd crowd = new Crowd(a.urls, a.threads, timeout)) {
            SocketIoClient control = SocketIoClient.create(ClientOptions.builder(a.urls.get(0))
                    .transports(Transport.WEBSOCKET)
                    .upgrade(false)
                    .reconnection(false)
                    .connectTimeout(timeout)
                    .ackTimeout(timeout)
                    .eventLoops(controlLoop)
                    .build());
            Socket ctl = control.socket();
            CompletableFuture<Void> up = new CompletableFuture<>();
            ctl.addListener(new io.pulseio.client.SocketListener() {
                @Override
                public void onConnect() {
                    up.complete(null);
                }
            });
            ctl.connect();
            up.get(a.timeoutS, TimeUnit.SECONDS);
            JsonNode heapBefore = heap(ctl, out, "server_before");

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(a.timeoutS);
            long start = System.nanoTime();
            long[] times = crowd.openAll(a.n, a.concurrency, deadline);
            double connectMs = (System.nanoTime() - start) / 1e6;
            Arrays.sort(times);
            out.put("connected", crowd.connected()).put("failed", crowd.failed());
            if (crowd.firstError() != null) {
                out.put("first_error", crowd.firstError());
            }
            out.put("connect_all_ms", round(connectMs)).put("connect_rate", round(times.length / connectMs * 1e3));
            out.put("connect_p50_ms", round(pct(times, 0.5) / 1e6))
                    .put("connect_p99_ms", round(pct(times, 0.99) / 1e6))
                    .put("connect_max_ms", round(times.length == 0 ? 0 : times[times.length - 1] / 1e6));
            System.err.printf(
                    "connected %d/%d in %.0f ms (%.0f/s; each p50 %.1f ms, p99 %.1f ms), %d failed%n",
                    crowd.connected(),
                    a.n,
                    connectMs,
                    times.length / connectMs * 1e3,
                    pct(times, 0.5) / 1e6,
                    pct(times, 0.99) / 1e6,
                    crowd.failed());

            if (a.holdS > 0) {
                Thread.sleep(TimeUnit.SECONDS.toMillis(a.holdS));
            }
            JsonNode heapAfter = heap(ctl, out, "server_after");
            if (heapBefore != null && heapAfter != null && crowd.connected() > 0) {
                long grown = heapAfter.path("heap_used").asLong()
                        - heapBefore.path("heap_used").asLong();
                double perConn = grown / (double) crowd.connected();
                out.put("heap_per_connection_bytes", Math.round(perConn));
                long rssGrown = heapAfter.path("rss_kb").asLong()
                        - heapBefore.path("rss_kb").asLong();
                out.put("rss_per_connection_kb", round(rssGrown / (double) crowd.connected()));
                System.err.printf(
                        "server heap after GC: %.1f MB -> %.1f MB = %.2f KB per connection" + " (rss %+d MB)%n",
                        heapBefore.path("heap_used").asLong() / 1e6,
                        heapAfter.path("heap_used").asLong() / 1e6,
                        perConn / 1024,
                        rssGrown / 1024);
            }

            ArrayNode casts = out.putArray("broadcasts");
            for (int b = 0; b < a.broadcasts && crowd.connected() > 0; b++) {
                int expected = crowd.connected();
                crowd.expect(expected);
                long t0 = System.nanoTime();
                ctl.emit("broadcast-ping");
                long[] r = crowd.awaitReceipts(expected, t0 + TimeUnit.SECONDS.toNanos(a.timeoutS));
                Arrays.sort(r);
                ObjectNode one = casts.addObject();
                one.put("received", r.length).put("expected", expected);
                if (r.length > 0) {
                    one.put("first_ms", round((r[0] - t0) / 1e6))
                            .put("p50_ms", round((pct(r, 0.5) - t0) / 1e6))
                            .put("last_ms", round((r[r.length - 1] - t0) / 1e6));
                    System.err.printf(
                            "broadcast %d: %d/%d received, first %.2f ms, median %.2f ms, last %.2f ms%n",
                            b + 1,
                            r.length,
                            expected,
                            (r[0] - t0) / 1e6,
                            (pct(r, 0.5) - t0) / 1e6,
                            (r[r.length - 1] - t0) / 1e6);
                }
                Thread.sleep(500);
            }
            summarize(out, casts);
            boolean extrasOk = burst(a, ctl, crowd, out) & fetches(a, ctl, crowd, out);
            out.put("lost", crowd.lost());
            control.close();
            boolean ok = crowd.connected() == a.n && crowd.lost() == 0 && extrasOk;
            for (JsonNode c : casts) {
                ok &= c.path("received").asInt() == c.path("expected").asInt();
            }
            out.put("ok", ok);
            return ok ? 0 : 1;
        }
    }

    /** K broadcasts back to back: how many per second reach every client; false when some were lost. */
    private static boolean burst(Args a, Socket ctl, Crowd crowd, ObjectNode out) throws InterruptedException {
        if (a.burst == 0 || crowd.connected() == 0) {
            return true;
        }
        int expected = a.burst * crowd.connected();
        crowd.expect(expected);
        long t0 = System.nanoTime();
        for (int i = 0; i < a.burst; i++) {
            ctl.emit("broadcast-ping");
        }
        long[] r = crowd.awaitReceipts(expected, t0 + TimeUnit.SECONDS.toNanos(a.timeoutS));
        long last = r.length == 0 ? t0 : Arrays.stream(r).max().getAsLong();
        double seconds = (last - t0) / 1e9;
        out.put("burst", a.burst)
                .put("burst_received", r.length)
                .put("burst_expected", expected)
                .put("burst_ms", round(seconds * 1e3))
                .put("broadcasts_per_s", round(a.burst / seconds));
        System.err.printf(
                "burst of %d broadcasts: %d/%d receipts in %.0f ms = %.1f broadcasts/s to all%n",
                a.burst, r.length, expected, seconds * 1e3, a.burst / seconds);
        return r.length == expected;
    }

    /** F cluster-wide fetchSockets one after the other: p50 and max; false when one miscounted. */
    private static boolean fetches(Args a, Socket ctl, Crowd crowd, ObjectNode out) throws Exception {
        if (a.fetches == 0) {
            return true;
        }
        long[] times = new long[a.fetches];
        boolean ok = true;
        for (int i = 0; i < a.fetches; i++) {
            long t0 = System.nanoTime();
            List<JsonNode> reply = ctl.emitWithAck(Duration.ofSeconds(a.timeoutS), "fetch-sockets")
                    .get(a.timeoutS + 5, TimeUnit.SECONDS);
            times[i] = System.nanoTime() - t0;
            int count = reply.isEmpty() ? -1 : reply.get(0).asInt(-1);
            if (count != crowd.connected() + 1) { // the control client is a socket too
                ok = false;
                out.put(
                        "fetch_error",
                        "fetch " + (i + 1) + " answered " + reply + ", expected " + (crowd.connected() + 1));
            }
        }
        Arrays.sort(times);
        out.put("fetches", a.fetches)
                .put("fetch_p50_ms", round(pct(times, 0.5) / 1e6))
                .put("fetch_max_ms", round(times[times.length - 1] / 1e6));
        System.err.printf(
                "fetchSockets x%d: p50 %.2f ms, max %.2f ms%s%n",
                a.fetches,
                pct(times, 0.5) / 1e6,
                times[times.length - 1] / 1e6,
                ok ? "" : " (" + out.path("fetch_error").asText() + ")");
        return ok;
    }

    /** Medians over the broadcasts after the first (the first one warms the server up). */
    private static void summarize(ObjectNode out, ArrayNode casts) {
        int from = casts.size() > 1 ? 1 : 0;
        for (String field : List.of("first_ms", "p50_ms", "last_ms")) {
            double[] v = new double[casts.size() - from];
            for (int i = from; i < casts.size(); i++) {
                v[i - from] = casts.get(i).path(field).asDouble();
            }
            Arrays.sort(v);
            if (v.length > 0) {
                out.put("broadcast_" + field.replace("_ms", "") + "_ms_median", v[v.length / 2]);
            }
        }
    }

    /** The server's heap stats, or null when it does not answer {@code heap} within 30 s. */
    private static JsonNode heap(Socket ctl, ObjectNode out, String key) {
        try {
            List<JsonNode> reply =
                    ctl.emitWithAck(Duration.ofSeconds(30), "heap").get(40, TimeUnit.SECONDS);
            JsonNode stats = reply.isEmpty() ? null : reply.get(0);
            if (stats != null) {
                out.set(key, stats);
            }
            return stats;
        } catch (Exception e) {
            System.err.println("no heap stats from the server: " + e);
            return null;
        }
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** The command line, checked. */
    record Args(
            List<String> urls,
            int n,
            int concurrency,
            int threads,
            int broadcasts,
            int burst,
            int fetches,
            long timeoutS,
            long holdS) {
        static Args parse(String[] argv) {
            if (argv.length < 2) {
                throw new IllegalArgumentException("URL and N are required");
            }
            int n = bounded("N", argv[1], 1, MAX_N);
            int concurrency = 100;
            int threads = 2;
            int broadcasts = 0;
            int burst = 0;
            int fetches = 0;
            long timeoutS = 120;
            long holdS = 0;
            for (int i = 2; i < argv.length; i++) {
                String name = argv[i];
                if (i + 1 >= argv.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String v = argv[++i];
                switch (name) {
                    case "--concurrency" -> concurrency = bounded(name, v, 1, 2_000);
                    case "--threads" -> threads = bounded(name, v, 1, 16);
                    case "--broadcasts" -> broadcasts = bounded(name, v, 0, 20);
                    case "--burst" -> burst = bounded(name, v, 0, 100);
                    case "--fetches" -> fetches = bounded(name, v, 0, 1_000);
                    case "--timeout-s" -> timeoutS = bounded(name, v, 1, 600);
                    case "--hold-s" -> holdS = bounded(name, v, 0, 600);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            List<String> urls = List.of(argv[0].split(","));
            if (urls.stream().anyMatch(u -> !u.startsWith("http://") && !u.startsWith("https://"))) {
                throw new IllegalArgumentException("each URL must start with http:// or https://, was " + argv[0]);
            }
            return new Args(urls, n, concurrency, threads, broadcasts, burst, fetches, timeoutS, holdS);
        }

        private static int bounded(String name, String v, int min, int max) {
            try {
                int x = Integer.parseInt(v);
                if (x >= min && x <= max) {
                    return x;
                }
            } catch (NumberFormatException e) {
                // falls through
            }
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + v);
        }
    }
}
