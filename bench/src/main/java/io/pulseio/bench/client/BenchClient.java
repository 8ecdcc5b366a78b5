package io.pulseio.bench.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.DisconnectReason;
import io.pulseio.client.EventLoops;
import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import io.pulseio.client.SocketListener;
import io.pulseio.client.Subscription;
import io.pulseio.client.Transport;
import io.pulseio.protocol.Json;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The pulseio candidate of the shared client benchmark:
 * {@code URL SCENARIO N SIZE TRANSPORT WARMUP} in, one JSON line out (see bench/README.md).
 *
 * <p>Every scenario uses one {@link EventLoops} of one thread for the whole process, so the
 * threads it starts do not grow with connections or round trips.
 */
public final class BenchClient {
    static final int MAX_N = 10_000_000;

    private final Duration phaseTimeout;
    private final EventLoops loops = EventLoops.create(1);
    /** The options of every connection (immutable, so built once; each connection is a new client). */
    private final ClientOptions options;

    private BenchClient(String url, Transport transport, Duration phaseTimeout) {
        this.phaseTimeout = phaseTimeout;
        this.options = ClientOptions.builder(url)
                .transports(transport)
                .upgrade(false)
                .reconnection(false)
                .connectTimeout(phaseTimeout)
                .eventLoops(loops)
                .build();
    }

    public static void main(String[] args) {
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.put("candidate", System.getenv().getOrDefault("BENCH_CANDIDATE", "pulseio"));
        result.put(
                "impl",
                "pulseio-client 0.1.0 / java " + System.getProperty("java.version") + " / "
                        + io.pulseio.client.internal.engine.NativeIo.name());
        result.put("ok", false);
        int code;
        try {
            code = run(args, result);
        } catch (Throwable e) {
            result.put("error", String.valueOf(e.getMessage() == null ? e : e.getMessage()));
            code = 1;
        }
        Long rss = Metrics.peakRssKb();
        if (rss != null) {
            result.put("peak_rss_kb", rss);
        }
        System.out.println(result);
        System.out.flush();
        System.exit(code);
    }

    private static int run(String[] args, ObjectNode result) throws Exception {
        if (args.length < 5) {
            result.put("error", "usage: URL SCENARIO N SIZE TRANSPORT [WARMUP]");
            return 2;
        }
        String url = args[0];
        String scenario = args[1];
        int n = Integer.parseInt(args[2]);
        int size = Integer.parseInt(args[3]);
        String transportName = args[4];
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : (n + 9) / 10;
        result.put("scenario", scenario);
        result.put("transport", transportName);
        result.put("n", n);
        result.put("size", size);
        result.put("warmup", warmup);
        if (n < 1 || n > MAX_N || warmup < 0 || warmup > MAX_N || size < 0 || size > (1 << 20)) {
            result.put("error", "usage: N, WARMUP or SIZE out of range");
            return 2;
        }
        Transport transport = switch (transportName) {
            case "websocket" -> Transport.WEBSOCKET;
            case "polling" -> Transport.POLLING;
            default -> null;
        };
        if (transport == null) {
            result.put("error", "usage: unknown transport " + transportName);
            return 2;
        }
        long timeoutS = Long.parseLong(System.getenv().getOrDefault("BENCH_PHASE_TIMEOUT_S", "60"));
        BenchClient bench = new BenchClient(url, transport, Duration.ofSeconds(timeoutS));
        try {
            Scenarios scenarios = new Scenarios(bench, "x".repeat(size), size, result);
            return switch (scenario) {
                case "emit" -> scenarios.emit(n, warmup);
                case "ack" -> scenarios.ack(n, warmup);
                case "push" -> scenarios.push(n, warmup);
                case "connect" -> scenarios.connect(n, warmup);
                default -> {
                    result.put("error", "usage: unknown scenario " + scenario);
                    yield 2;
                }
            };
        } finally {
            bench.loops.close();
        }
    }

    Duration phaseTimeout() {
        return phaseTimeout;
    }

    /** A new client (its own Engine.IO connection) on the shared event loop, connected. */
    Connection connect() throws Exception {
        SocketIoClient client = SocketIoClient.create(options);
        Socket socket = client.socket();
        CompletableFuture<Void> connected = new CompletableFuture<>();
        Connection connection = new Connection(client, socket);
        Subscription sub = socket.addListener(new SocketListener() {
            @Override
            public void onConnect() {
                connected.complete(null);
            }

            @Override
            public void onConnectError(String message, com.fasterxml.jackson.databind.JsonNode data) {
                connected.completeExceptionally(new IllegalStateException("connect_error: " + message));
            }

            @Override
            public void onDisconnect(DisconnectReason reason) {
                connection.lost.completeExceptionally(new IllegalStateException("disconnected: " + reason.wireName()));
            }
        });
        connection.subscription = sub;
        socket.connect();
        try {
            connected.get(phaseTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            client.close();
            throw e;
        }
        return connection;
    }

    /** One connected client, and a future that fails when it disconnects. */
    static final class Connection implements AutoCloseable {
        final SocketIoClient client;
        final Socket socket;
        final CompletableFuture<Void> lost = new CompletableFuture<>();
        Subscription subscription;

        Connection(SocketIoClient client, Socket socket) {
            this.client = client;
            this.socket = socket;
        }

        @Override
        public void close() {
            subscription.close();
            client.close();
        }
    }
}
