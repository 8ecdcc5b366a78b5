package io.pulseio.bench.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.EventLoops;
import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import io.pulseio.client.SocketListener;
import io.pulseio.client.Subscription;
import io.pulseio.client.Transport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The raw pulseio client doing what the benchmark project does, with the project connection's settings
 * (WebSocket only, no reconnection, one event-loop thread of its own). Listener code runs on that event
 * loop, the client's default callback executor.
 */
final class RawSide implements AutoCloseable {
    private final EventLoops loops = EventLoops.create(1);
    private final SocketIoClient client;
    private final Socket socket;
    private final Duration timeout;
    private final Subscription echo;
    private volatile CompletableFuture<long[]> counted = new CompletableFuture<>();

    RawSide(String url, Duration timeout) throws Exception {
        this.timeout = timeout;
        client = SocketIoClient.create(ClientOptions.builder(url)
                .transports(Transport.WEBSOCKET)
                .upgrade(false)
                .reconnection(false)
                .connectTimeout(timeout)
                .eventLoops(loops)
                .build());
        socket = client.socket();
        CompletableFuture<Void> connected = new CompletableFuture<>();
        socket.addListener(new SocketListener() {
            @Override
            public void onConnect() {
                connected.complete(null);
            }

            @Override
            public void onConnectError(String message, JsonNode data) {
                connected.completeExceptionally(new IllegalStateException("raw client: connect_error " + message));
            }
        });
        // The echo-through: every pushed event goes back as `count`; push-done asks for the count.
        echo = socket.on("p", (args, ack) -> socket.emit("count", args.toArray()));
        socket.on(
                "push-done",
                (args, ack) -> socket.emitWithAck("count-done").whenComplete((reply, error) -> {
                    long at = System.nanoTime();
                    if (error != null) {
                        counted.completeExceptionally(error);
                    } else {
                        counted.complete(new long[] {reply.get(0).asLong(), at});
                    }
                }));
        socket.connect();
        connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The server process's CPU time so far in µs (its {@code stats} event), or -1 when it does not say. */
    long serverCpuMicros() throws Exception {
        List<JsonNode> reply = socket.emitWithAck("stats").get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        JsonNode cpu = reply.isEmpty() ? null : reply.get(0).get("cpu_us");
        return cpu == null || !cpu.isNumber() ? -1 : cpu.asLong();
    }

    /** Server pushes {@code n} events, each sent back as {@code count}; returns {server count, nanos}. */
    long[] echoThrough(int n) throws Exception {
        CompletableFuture<long[]> done = new CompletableFuture<>();
        counted = done;
        long t0 = System.nanoTime();
        socket.emit("push", n);
        long[] r = done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return new long[] {r[0], r[1] - t0};
    }

    /** {@code n} sequential emitWithAck("echo") round trips, each issued from the previous ack's callback. */
    Laps ackRoundTrips(int n, String payload) throws Exception {
        long[] stamps = new long[n + 1];
        CompletableFuture<long[]> done = new CompletableFuture<>();
        new Object() {
            int i;

            void next() {
                stamps[i] = System.nanoTime();
                if (i == n) {
                    done.complete(stamps);
                    return;
                }
                socket.emitWithAck("echo", payload).whenComplete(this::replied);
            }

            void replied(List<JsonNode> reply, Throwable error) {
                if (error != null) {
                    done.completeExceptionally(error);
                } else if (reply.isEmpty() || !payload.equals(reply.get(0).textValue())) {
                    done.completeExceptionally(new IllegalStateException("raw client: bad echo " + reply));
                } else {
                    i++;
                    next();
                }
            }
        }.next();
        return Laps.of(done.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public void close() {
        echo.close();
        client.close();
        loops.close();
    }
}
