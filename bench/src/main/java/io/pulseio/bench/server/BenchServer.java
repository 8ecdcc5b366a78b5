package io.pulseio.bench.server;

import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The benchmark server on pulseio's server: the counterpart of the Node reference server of
 * the side-by-side client benchmark ({@code bench/side-by-side/node/server.js}), for its
 * {@code BENCH_SERVER_CMD}.
 *
 * <pre>
 * java -jar bench/target/bench-server.jar PORT [HOST]
 * </pre>
 *
 * <p>PORT 0 picks a free port; HOST (default 127.0.0.1) must be a loopback address. Prints exactly
 * one line {@code LISTENING <port>} on stdout once ready; diagnostics go to stderr. Options are the
 * server defaults, which are socket.io 4.x's (ping interval 25 s, ping timeout 20 s,
 * maxHttpBufferSize 1e6, polling and websocket). Handlers: see {@link BenchHandlers}. Before
 * LISTENING it warms up for {@code BENCH_SERVER_WARMUP_MS} (default 6000, 0 = off; see
 * {@link Warmup}). Exits by itself after {@code BENCH_SERVER_LIFETIME_S} seconds (default 1800);
 * SIGTERM closes it.
 */
public final class BenchServer {
    private static final Pattern LOOPBACK = Pattern.compile("^127\\..*|^::1$|^localhost$");

    private BenchServer() {}

    public static void main(String[] args) {
        int port;
        try {
            port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        } catch (NumberFormatException e) {
            port = -1;
        }
        String host = args.length > 1 ? args[1] : "127.0.0.1";
        if (port < 0 || port > 65535) {
            System.err.println("usage: BenchServer PORT [HOST]");
            System.exit(2);
        }
        if (!LOOPBACK.matcher(host).matches()) {
            System.err.println("refusing to listen on a non-loopback address: " + host);
            System.exit(2);
        }
        long lifetimeS = lifetimeSeconds();
        ServerOptions.Builder options = ServerOptions.builder().host(host).port(port);
        String maxBuffer = System.getenv("BENCH_SERVER_MAX_HTTP_BUFFER_SIZE");
        if (maxBuffer != null && !maxBuffer.isBlank()) {
            options.maxHttpBufferSize((long) Double.parseDouble(maxBuffer));
        }
        // The push case queues up to 200 000 events (about 16 MB) faster than a client on a busy
        // machine reads them: Node's server buffers them all, so this one gets a bound that fits
        // (BENCH_SERVER_MAX_OUTBOUND bytes, default 256 MiB) rather than closing at the 16 MiB default.
        String maxOutbound = System.getenv("BENCH_SERVER_MAX_OUTBOUND");
        options.maxOutboundBufferSize(
                maxOutbound == null || maxOutbound.isBlank() ? 256L * 1024 * 1024 : Long.parseLong(maxOutbound.trim()));
        // BENCH_REDIS=redis://HOST:PORT (BENCH_REDIS_ADAPTER classic|streams): a server of a cluster.
        String redis = System.getenv("BENCH_REDIS");
        if (redis != null && !redis.isBlank()) {
            String kind = System.getenv("BENCH_REDIS_ADAPTER");
            options.cluster(new io.pulseio.server.AdapterSettings(
                    redis.trim(), kind == null || kind.isBlank() ? null : kind.trim(), null, null));
            System.err.println("server: in a cluster over " + redis.trim());
        }
        SocketIoServer server = SocketIoServer.create(options.build());
        // BENCH_SERVER_ADMIN=development|production: with the Admin UI instrumentation on (no UI
        // connected, no login), to measure what it costs.
        String admin = System.getenv("BENCH_SERVER_ADMIN");
        if (admin != null && !admin.isBlank()) {
            io.pulseio.admin.Admin.instrument(
                    server,
                    io.pulseio.admin.AdminOptions.builder()
                            .mode(io.pulseio.admin.AdminOptions.Mode.valueOf(
                                    admin.trim().toUpperCase(java.util.Locale.ROOT)))
                            .build());
            System.err.println("server: Admin UI instrumentation on, " + admin.trim() + " mode");
        }
        // BENCH_SERVER_METRICS=1: with the Micrometer meters of pulseio-metrics bound (a Prometheus
        // registry, nothing scraping it), to measure what they cost.
        String metrics = System.getenv("BENCH_SERVER_METRICS");
        if (metrics != null && metrics.trim().equals("1")) {
            io.pulseio.metrics.PulseioMetrics.bind(
                    server,
                    new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                            io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT),
                    "bench");
            System.err.println("server: metrics on");
        }
        BenchHandlers handlers = new BenchHandlers(server.sockets());
        server.sockets().onConnection(handlers::attach);
        int bound = server.start();
        long warmupMs = warmupMillis();
        if (warmupMs > 0) {
            long t0 = System.nanoTime();
            int rounds = Warmup.run(bound, Duration.ofMillis(warmupMs));
            System.err.printf(
                    "server: warm-up %d rounds in %d ms: %s%n",
                    rounds, (System.nanoTime() - t0) / 1_000_000, Warmup.summary());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "bench-shutdown"));
        Thread lifetime = new Thread(
                () -> {
                    try {
                        Thread.sleep(Duration.ofSeconds(lifetimeS).toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                    System.err.println("server: lifetime of " + lifetimeS + "s reached, exiting");
                    System.exit(3);
                },
                "bench-lifetime");
        lifetime.setDaemon(true);
        lifetime.start();
        System.out.println("LISTENING " + bound);
        System.out.flush();
    }

    /** BENCH_SERVER_WARMUP_MS: time spent warming up before LISTENING, 0..8000, default 6000. */
    private static long warmupMillis() {
        String v = System.getenv().getOrDefault("BENCH_SERVER_WARMUP_MS", "6000");
        try {
            long ms = Long.parseLong(v.trim());
            if (ms >= 0 && ms <= 8_000) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        System.err.println("BENCH_SERVER_WARMUP_MS must be 0..8000, was " + v);
        System.exit(2);
        return 0;
    }

    private static long lifetimeSeconds() {
        String v = System.getenv().getOrDefault("BENCH_SERVER_LIFETIME_S", "1800");
        try {
            long s = Long.parseLong(v.trim());
            if (s >= 1 && s <= 86_400) {
                return s;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        System.err.println("BENCH_SERVER_LIFETIME_S must be 1..86400 seconds, was " + v);
        System.exit(2);
        return 0;
    }
}
