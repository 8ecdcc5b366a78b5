package io.pulseio.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.DisconnectReason;
import io.pulseio.client.EventLoops;
import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import io.pulseio.client.SocketListener;
import io.pulseio.client.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many WebSocket-only Socket.IO clients on one shared {@link EventLoops}: opens them with a bounded
 * number of handshakes in flight, spread in turn over the servers' URLs, and records when each
 * receives {@code ping-all}.
 *
 * <p>Listeners run on the clients' event loop threads; the counters they touch are atomic.
 */
final class Crowd implements AutoCloseable {
    private final List<String> urls;
    private final EventLoops loops;
    private final Duration timeout;
    private final List<SocketIoClient> clients = new ArrayList<>();
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();
    private volatile String firstError;

    /** Receipts of the current broadcast: a slot per receipt, nanoTime values. */
    private volatile long[] receipts = new long[0];

    private final AtomicInteger received = new AtomicInteger();
    private final AtomicLong lastReceipt = new AtomicLong();

    Crowd(List<String> urls, int threads, Duration timeout) {
        this.urls = List.copyOf(urls);
        this.loops = EventLoops.create(threads);
        this.timeout = timeout;
    }

    /** One more client, connecting now; {@code done} completes with its connect time in ns or fails. */
    private CompletableFuture<Long> open() {
        ClientOptions options = ClientOptions.builder(urls.get(clients.size() % urls.size()))
                .transports(Transport.WEBSOCKET)
                .upgrade(false)
                .reconnection(false)
                .connectTimeout(timeout)
                .eventLoops(loops)
                .build();
        SocketIoClient client = SocketIoClient.create(options);
        clients.add(client);
        Socket socket = client.socket();
        CompletableFuture<Long> done = new CompletableFuture<>();
        long start = System.nanoTime();
        socket.on("ping-all", (args, ack) -> onPing());
        socket.addListener(new SocketListener() {
            @Override
            public void onConnect() {
                connected.incrementAndGet();
                done.complete(System.nanoTime() - start);
            }

            @Override
            public void onConnectError(String message, JsonNode data) {
                fail("connect_error: " + message);
            }

            @Override
            public void onDisconnect(DisconnectReason reason) {
                if (!done.isDone()) {
                    fail("disconnected before connect: " + reason.wireName());
                } else {
                    lost.incrementAndGet();
                }
            }

            private void fail(String why) {
                if (done.completeExceptionally(new IllegalStateException(why))) {
                    failed.incrementAndGet();
                    if (firstError == null) {
                        firstError = why;
                    }
                }
            }
        });
        socket.connect();
        return done;
    }

    /**
     * Opens {@code n} clients, at most {@code concurrency} handshakes at a time, until {@code
     * deadlineNanos}; returns the connect times (ns) of those that connected.
     */
    long[] openAll(int n, int concurrency, long deadlineNanos) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        long[] times = new long[n];
        AtomicInteger slot = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0 || !inFlight.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                break;
            }
            open().whenComplete((ns, error) -> {
                if (error == null) {
                    times[slot.getAndIncrement()] = ns;
                }
                inFlight.release();
            });
        }
        long left = deadlineNanos - System.nanoTime();
        if (left > 0 && inFlight.tryAcquire(concurrency, left, TimeUnit.NANOSECONDS)) {
            inFlight.release(concurrency);
        }
        return java.util.Arrays.copyOf(times, Math.min(slot.get(), n));
    }

    private void onPing() {
        long t = System.nanoTime();
        long[] r = receipts;
        int i = received.getAndIncrement();
        if (i < r.length) {
            r[i] = t;
        }
        lastReceipt.accumulateAndGet(t, Math::max);
    }

    /** Clears the receipts before a broadcast to {@code expected} clients. */
    void expect(int expected) {
        receipts = new long[expected];
        received.set(0);
        lastReceipt.set(0);
    }

    /** Waits until {@code expected} receipts arrived or the deadline; returns them (nanoTime). */
    long[] awaitReceipts(int expected, long deadlineNanos) throws InterruptedException {
        while (received.get() < expected && System.nanoTime() < deadlineNanos) {
            Thread.sleep(1);
        }
        int got = Math.min(received.get(), expected);
        return java.util.Arrays.copyOf(receipts, got);
    }

    int connected() {
        return connected.get();
    }

    int failed() {
        return failed.get();
    }

    int lost() {
        return lost.get();
    }

    String firstError() {
        return firstError;
    }

    /** Drops every connection at once by stopping the shared event loops. */
    @Override
    public void close() {
        loops.close();
    }
}
