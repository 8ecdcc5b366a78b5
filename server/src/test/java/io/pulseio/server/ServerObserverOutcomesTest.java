package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The observer's ack, overflow and rejection reports (the metrics module counts them): each one
 * once, for what really happened on the wire.
 */
class ServerObserverOutcomesTest {
    private SocketIoServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<ServerSocket> connected = new LinkedBlockingQueue<>();

    private int start(ServerOptions.Builder options) {
        server = SocketIoServer.create(options.host("127.0.0.1").port(0).build());
        server.observe(new ServerObserver() {
            @Override
            public void ackSent(ServerSocket socket) {
                seen.add("ackSent");
            }

            @Override
            public void ackReceived(ServerSocket socket) {
                seen.add("ackReceived");
            }

            @Override
            public void ackTimedOut(ServerSocket socket) {
                seen.add("ackTimedOut");
            }

            @Override
            public void outboundOverflowed(EngineSocket session) {
                seen.add("overflowed");
            }

            @Override
            public void inputRejected(EngineSocket session, RejectedInput kind) {
                seen.add(kind.name());
            }

            @Override
            public void sessionClosed(EngineSocket session, DisconnectReason reason) {
                seen.add("closed: " + reason);
            }
        });
        server.sockets().onConnection(socket -> {
            socket.on("ask", (args, ack) -> {
                ack.send(1);
                ack.send(2); // at most once
            });
            connected.add(socket);
        });
        return server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Waits (5 s at most) until an observer reported {@code what}. */
    private void awaitSeen(String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!seen.contains(what) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(seen).contains(what);
    }

    /** Waits (5 s at most) until the observers reported {@code n} things. */
    private void awaitCount(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (seen.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(seen).hasSizeGreaterThanOrEqualTo(n);
    }

    @Test
    void acksSentReceivedAndTimedOutAreReportedOnce() throws Exception {
        int port = start(ServerOptions.builder());
        try (WsClient ws = WsClient.socketIo(port, "40")) {
            assertThat(ws.nextText()).startsWith("40{\"sid\":");
            ServerSocket socket = connected.poll(5, TimeUnit.SECONDS);
            ws.send("421[\"ask\"]");
            assertThat(ws.nextText()).isEqualTo("431[1]");

            CompletableFuture<List<com.fasterxml.jackson.databind.JsonNode>> answered =
                    socket.emitWithAck(Duration.ofSeconds(5), "q");
            assertThat(ws.nextText()).isEqualTo("420[\"q\"]");
            ws.send("430[\"a\"]");
            answered.get(5, TimeUnit.SECONDS);
            ws.send("430[\"late, twice\"]");

            CompletableFuture<?> ignored = socket.emitWithAck(Duration.ofMillis(100), "ignored");
            assertThat(ws.nextText()).isEqualTo("421[\"ignored\"]");
            assertThat(ignored).failsWithin(Duration.ofSeconds(5));
            ws.send("431[\"too late\"]");
            awaitSeen("ackTimedOut");
            // a barrier rather than a wait: the connection's packets are read in order, so once this
            // one is answered the late acks before it have been read (and reported, were they counted)
            ws.send("422[\"ask\"]");
            assertThat(ws.nextText()).isEqualTo("432[1]");
            awaitCount(4); // the barrier's ackSent is reported just after its ack is written
            assertThat(seen).containsExactly("ackSent", "ackReceived", "ackTimedOut", "ackSent");
        }
    }

    @Test
    void aMalformedPacketAnUnknownNamespaceAndASecondConnectAreRejectedByKind() throws Exception {
        int port = start(ServerOptions.builder());
        try (WsClient ws = WsClient.socketIo(port, "40/nowhere,")) {
            assertThat(ws.nextText()).startsWith("44/nowhere,{\"message\":\"Invalid namespace\"}");
            ws.send("40");
            assertThat(ws.nextText()).startsWith("40{\"sid\":");
            ws.send("40");
            awaitSeen("closed: forced close");
        }
        try (WsClient ws = WsClient.socketIo(port, "40{\"broken")) {
            awaitSeen("closed: parse error");
        }
        assertThat(seen)
                .containsExactly(
                        "INVALID_NAMESPACE",
                        "DUPLICATE_CONNECT",
                        "closed: forced close",
                        "MALFORMED_PACKET",
                        "closed: parse error");
    }

    @Test
    void attachmentsOverTheirBoundOrLateAreRejectedByKind() throws Exception {
        int port = start(ServerOptions.builder().maxAttachmentBytes(10).attachmentTimeout(Duration.ofMillis(200)));
        try (WsClient ws = WsClient.socketIo(port, "40")) {
            assertThat(ws.nextText()).startsWith("40{\"sid\":");
            ws.send("452-[\"up\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
            ws.send(new byte[11]);
            awaitSeen("closed: parse error");
        }
        try (WsClient ws = WsClient.socketIo(port, "40")) {
            assertThat(ws.nextText()).startsWith("40{\"sid\":");
            ws.send("451-[\"up\",{\"_placeholder\":true,\"num\":0}]");
            awaitSeen("ATTACHMENTS_TIMEOUT");
        }
        awaitCount(4);
        assertThat(seen)
                .containsExactly(
                        "ATTACHMENTS_TOO_LARGE", "closed: parse error", "ATTACHMENTS_TIMEOUT", "closed: parse error");
    }

    @Test
    void aWebSocketClientThatReadsNothingOverflowsOnce() throws Exception {
        int port = start(ServerOptions.builder().maxOutboundBufferSize(256 * 1024));
        try (StuckWsClient stuck = new StuckWsClient(port)) {
            ServerSocket socket = connected.poll(5, TimeUnit.SECONDS);
            String chunk = "x".repeat(16 * 1024);
            for (int i = 0; i < 4000 && !seen.contains("overflowed"); i++) {
                socket.emit("fill", chunk);
                if (i % 16 == 15) {
                    Thread.sleep(5); // pacing, not a wait: lets the loop notice the bound between bursts
                }
            }
            awaitSeen("closed: transport error");
            assertThat(seen).containsExactly("overflowed", "closed: transport error");
        }
    }
}
