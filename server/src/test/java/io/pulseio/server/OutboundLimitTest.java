package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.server.internal.engine.EngineServerImpl;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code maxOutboundBufferSize}: a client that takes nothing is cut off once the server holds
 * more than the limit for it, on WebSocket and on polling, and the server carries on.
 */
class OutboundLimitTest {
    private static final int LIMIT = 256 * 1024;
    private static final String CHUNK = "x".repeat(16 * 1024);

    private SocketIoServer server;
    private int port;
    private final LinkedBlockingQueue<ServerSocket> connected = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<DisconnectReason> reasons = new LinkedBlockingQueue<>();

    private void start(long limit) {
        server = SocketIoServer.create(ServerOptions.builder()
                .host("127.0.0.1")
                .ioThreads(2)
                .maxOutboundBufferSize(limit)
                .build());
        server.sockets().onConnection(s -> {
            s.onDisconnect(reasons::add);
            connected.add(s);
        });
        port = server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private ServerSocket nextSocket() throws InterruptedException {
        ServerSocket s = connected.poll(5, TimeUnit.SECONDS);
        assertThat(s).as("a client connected").isNotNull();
        return s;
    }

    /**
     * Emits 16 KB events to {@code socket} until it disconnects, 4000 at most (64 MB); returns the
     * reason, or null.
     */
    private DisconnectReason fillUntilDisconnected(ServerSocket socket) throws InterruptedException {
        for (int i = 0; i < 4000; i++) {
            socket.emit("fill", CHUNK);
            if (i % 16 == 15) {
                DisconnectReason reason = reasons.poll(10, TimeUnit.MILLISECONDS);
                if (reason != null) {
                    return reason;
                }
            }
        }
        return reasons.poll(5, TimeUnit.SECONDS);
    }

    /**
     * Waits until what this thread gave the socket's loop has run, and one loop turn more (in which
     * a bound found exceeded meanwhile ends the session), instead of waiting to see that nothing
     * happens: the task of a socket that disconnected never runs.
     */
    private static void settled(ServerSocket socket) {
        for (int turn = 0; turn < 2; turn++) {
            CompletableFuture<Void> ran = new CompletableFuture<>();
            socket.execute(() -> ran.complete(null));
            assertThat(ran).as("the socket is still connected").succeedsWithin(Duration.ofSeconds(5));
        }
    }

    /** Waits (5 s at most) until the server holds no TCP connection. */
    private void awaitNoConnections() throws InterruptedException {
        EngineServerImpl engine = (EngineServerImpl) server.engine();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (engine.openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(engine.openConnections()).as("connections left").isZero();
    }

    private void assertStillServing() {
        try (WsClient ws = WsClient.open(port, "/socket.io/", "", true)) {
            assertThat(ws.nextText()).startsWith("0{");
            ws.send("40");
            assertThat(ws.nextText()).startsWith("40{\"sid\"");
            server.sockets().emit("hello", CHUNK);
            assertThat(ws.nextText()).isEqualTo("42[\"hello\",\"" + CHUNK + "\"]");
        }
    }

    @Test
    void theDefaultIs16MiB() {
        assertThat(ServerOptions.builder().build().maxOutboundBufferSize()).isEqualTo(16L << 20);
    }

    @Test
    void aWebSocketClientThatStopsReadingIsDisconnectedWithTransportError() throws Exception {
        start(LIMIT);
        try (StuckWsClient stuck = new StuckWsClient(port)) {
            ServerSocket socket = nextSocket();
            assertThat(fillUntilDisconnected(socket)).isEqualTo(DisconnectReason.TRANSPORT_ERROR);
            assertThat(socket.connected()).isFalse();
            assertThat(stuck.drainToEnd(256L << 20))
                    .as("the server closed the TCP connection")
                    .isNotNegative();
        }
        assertThat(server.engine().sessionCount()).isZero();
        assertStillServing();
    }

    @Test
    void aPollingClientThatStopsAskingIsDisconnectedWithTransportError() throws Exception {
        start(LIMIT);
        Http http = new Http(port, "/socket.io/");
        String sid = http.handshake();
        String query = "EIO=4&transport=polling&sid=" + sid;
        http.post(query, "40");
        assertThat(http.get(query).body()).startsWith("40{\"sid\"");
        ServerSocket socket = nextSocket();
        assertThat(fillUntilDisconnected(socket)).isEqualTo(DisconnectReason.TRANSPORT_ERROR);
        HttpResponse<String> late = http.get(query);
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("Session ID unknown");

        String again = http.handshake();
        http.post("EIO=4&transport=polling&sid=" + again, "40");
        assertThat(http.get("EIO=4&transport=polling&sid=" + again).body()).startsWith("40{\"sid\"");
        assertStillServing();
    }

    @Test
    void aBurstUnderTheLimitWaitsForAClientThatReadsLate() throws Exception {
        // 6.4 MB: more than the kernel's socket buffers take (at most 4 MB on the sending side by
        // default), so the server holds the rest, under the 16 MiB limit, until the client reads.
        start(16L << 20);
        try (StuckWsClient late = new StuckWsClient(port)) {
            ServerSocket socket = nextSocket();
            for (int i = 0; i < 400; i++) {
                socket.emit("fill", CHUNK);
            }
            settled(socket);
            assertThat(reasons).isEmpty();
            late.readUntil("42[\"fill\",\"", 400);
            assertThat(socket.connected()).isTrue();
        }
    }

    @Test
    void volatileEmitsToAClientThatStopsReadingAreDroppedNotQueued() throws Exception {
        start(LIMIT);
        try (StuckWsClient stuck = new StuckWsClient(port)) {
            ServerSocket socket = nextSocket();
            for (int i = 0; i < 2000; i++) {
                socket.emitVolatile("maybe", CHUNK);
                server.sockets().volatileOnly().emit("maybe too", CHUNK);
            }
            settled(socket);
            assertThat(reasons).isEmpty();
            assertThat(socket.connected()).isTrue();
        }
    }

    @Test
    void aSessionEndingForAClientThatReadsNothingStillClosesItsConnection() throws Exception {
        server = SocketIoServer.create(ServerOptions.builder()
                .host("127.0.0.1")
                .ioThreads(2)
                .maxOutboundBufferSize(0)
                .pingInterval(java.time.Duration.ofMillis(200))
                .pingTimeout(java.time.Duration.ofMillis(300))
                .build());
        server.sockets().onConnection(s -> {
            s.onDisconnect(reasons::add);
            connected.add(s);
        });
        port = server.start();
        try (StuckWsClient stuck = new StuckWsClient(port)) {
            ServerSocket socket = nextSocket();
            for (int i = 0; i < 1000; i++) {
                socket.emit("fill", CHUNK);
            }
            assertThat(reasons.poll(5, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.PING_TIMEOUT);
            // the close frame cannot get through: after pingTimeout the connection is closed anyway,
            // dropping what the server still held for it (the client never gets the close frame).
            // Waits for that close, seen from the server, before reading anything (reading earlier
            // would let the close frame through); the grace itself is WebSocketTransportTest's
            awaitNoConnections();
            assertThat(stuck.drainToEnd(64L << 20)).isNotNegative();
            assertThat(stuck.endedWithCloseFrame()).isFalse();
        }
    }

    @Test
    void zeroTurnsTheLimitOff() throws Exception {
        start(0);
        try (StuckWsClient stuck = new StuckWsClient(port)) {
            ServerSocket socket = nextSocket();
            for (int i = 0; i < 1000; i++) {
                socket.emit("fill", CHUNK);
            }
            settled(socket);
            assertThat(reasons).isEmpty();
            assertThat(socket.connected()).isTrue();
        }
    }
}
