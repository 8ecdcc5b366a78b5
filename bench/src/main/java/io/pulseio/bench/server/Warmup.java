package io.pulseio.bench.server;

import io.pulseio.client.ClientOptions;
import io.pulseio.client.EventLoops;
import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import io.pulseio.client.SocketListener;
import io.pulseio.client.Transport;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Exercises the server's handlers from an in-process client for a bounded time before the server
 * reports LISTENING, so that the benchmark measures a server whose hot paths the JIT has already
 * compiled (a long-running server's steady state) instead of the JVM's first seconds. Each round:
 * a batch of {@code echo} acks over polling; then over WebSocket, until the time is up, batches of
 * {@code echo} acks in flight together and one at a time, a burst of {@code count} + {@code count-done}, and a
 * {@code push}. Failures only end the warm-up early.
 */
final class Warmup {
    private static final int ACKS = 4_000;
    private static final int SEQUENTIAL_ACKS = 1_000;
    /** Operations done: acks, emits, pushed events (for the log line). */
    private static final long[] DONE = new long[3];

    private static final int EMITS = 10_000;
    private static final int PUSHES = 10_000;

    private Warmup() {}

    /** What the last {@link #run} did, for the log. */
    static String summary() {
        return DONE[0] + " acks, " + DONE[1] + " emits, " + DONE[2] + " pushed events";
    }

    /**
     * Runs rounds for two thirds of {@code budget} (checked between phases), then waits, within the
     * rest, until the JIT has had 300 ms without compiling (on a busy 2-core machine its queue lags
     * the traffic that fills it); returns the rounds done.
     */
    static int run(int port, Duration budget) {
        long end = System.nanoTime() + budget.toNanos();
        int rounds = traffic(port, System.nanoTime() + budget.toNanos() * 2 / 3);
        awaitQuietJit(end);
        return rounds;
    }

    private static void awaitQuietJit(long deadline) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long last = jit.getTotalCompilationTime();
        int quietTurns = 0;
        while (quietTurns < 3 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = jit.getTotalCompilationTime();
            quietTurns = now == last ? quietTurns + 1 : 0;
            last = now;
        }
    }

    private static int traffic(int port, long deadline) {
        int rounds = 0;
        try (EventLoops loops = EventLoops.create(1)) {
            while (System.nanoTime() < deadline) {
                round(port, loops, Transport.POLLING, deadline);
                round(port, loops, Transport.WEBSOCKET, deadline);
                rounds++;
            }
        } catch (Exception e) {
            System.err.println("server: warm-up stopped early: " + e);
        }
        return rounds;
    }

    private static void round(int port, EventLoops loops, Transport transport, long deadline) throws Exception {
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        Duration timeout = Duration.ofMillis(left + 5_000);
        try (SocketIoClient client = SocketIoClient.create(ClientOptions.builder("http://127.0.0.1:" + port)
                .transports(transport)
                .upgrade(false)
                .reconnection(false)
                .connectTimeout(timeout)
                .ackTimeout(timeout)
                .eventLoops(loops)
                .build())) {
            Socket socket = client.socket();
            CompletableFuture<Void> up = new CompletableFuture<>();
            socket.addListener(new SocketListener() {
                @Override
                public void onConnect() {
                    up.complete(null);
                }
            });
            socket.connect();
            up.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String payload = "x".repeat(64);
            while (System.nanoTime() < deadline) {
                // acks in flight together: many more server-side round trips per second than one by one
                CompletableFuture<?>[] acks =
                        new CompletableFuture<?>[transport == Transport.WEBSOCKET ? ACKS : ACKS / 10];
                for (int i = 0; i < acks.length; i++) {
                    acks[i] = socket.emitWithAck("echo", payload);
                }
                CompletableFuture.allOf(acks).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (transport != Transport.WEBSOCKET) {
                    return;
                }
                // and one at a time, as the benchmark's ack scenario does (one frame per read)
                DONE[0] += acks.length;
                for (int i = 0; i < SEQUENTIAL_ACKS && System.nanoTime() < deadline; i++) {
                    socket.emitWithAck("echo", payload).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    DONE[0]++;
                }
                for (int i = 0; i < EMITS; i++) {
                    socket.emit("count", payload);
                }
                socket.emitWithAck("count-done").get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                DONE[1] += EMITS;
                CompletableFuture<Void> pushed = new CompletableFuture<>();
                try (io.pulseio.client.Subscription sub =
                        socket.on("push-done", (args, ack) -> pushed.complete(null))) {
                    socket.emit("push", PUSHES, 64);
                    pushed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                }
                DONE[2] += PUSHES;
            }
        }
    }
}
