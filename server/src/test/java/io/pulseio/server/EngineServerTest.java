package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Engine.IO layer alone, through the echo server of the conformance mode. */
class EngineServerTest {
    private EngineServer server;
    private Http http;
    private int port;

    @BeforeEach
    void start() {
        start(Duration.ofMillis(300));
    }

    private void start(Duration pingInterval) {
        ServerOptions options = Conformance.options(Conformance.Mode.ENGINE_IO, 0).toBuilder()
                .pingInterval(pingInterval)
                .maxHttpBufferSize(1000)
                .ioThreads(2)
                .build();
        server = Conformance.engineIo(options);
        port = server.start();
        http = new Http(port, "/engine.io/");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void pollingHandshakeAnnouncesSessionUpgradesAndLimits() {
        HttpResponse<String> r = http.get("EIO=4&transport=polling");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .startsWith("0{\"sid\":\"")
                .contains(
                        "\"upgrades\":[\"websocket\"]",
                        "\"pingInterval\":300",
                        "\"pingTimeout\":200",
                        "\"maxPayload\":1000");
        assertThat(r.headers().firstValue("access-control-allow-origin")).contains("*");
    }

    @Test
    void badRequestsGetTheOfficialErrorBodies() {
        assertError(http.get("EIO=4&transport=carrier-pigeon"), 0, "Transport unknown");
        assertError(http.get("EIO=4&transport=polling&sid=nope"), 1, "Session ID unknown");
        assertError(http.post("EIO=4&transport=polling", "4x"), 2, "Bad handshake method");
        assertError(http.get("EIO=3&transport=polling"), 5, "Unsupported protocol version");
        assertError(http.get("EIO=4&transport=websocket"), 3, "Bad request");
    }

    private static void assertError(HttpResponse<String> r, int code, String message) {
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"code\":" + code + ",\"message\":\"" + message + "\"}");
    }

    @Test
    void pollingEchoesTextAndBinaryInOnePayload() {
        String sid = http.handshake();
        HttpResponse<String> push = http.post("EIO=4&transport=polling&sid=" + sid, "4hello\u001ebAQIDBA==");
        assertThat(push.body()).isEqualTo("ok");
        assertThat(http.get("EIO=4&transport=polling&sid=" + sid).body()).isEqualTo("4hello\u001ebAQIDBA==");
    }

    @Test
    void aSecondConcurrentPollClosesTheSession() throws Exception {
        server.close();
        start(Duration.ofSeconds(30)); // no ping may answer the first poll before the second arrives
        String sid = http.handshake();
        CompletableFuture<HttpResponse<String>> first = http.getAsync("EIO=4&transport=polling&sid=" + sid);
        CompletableFuture<HttpResponse<String>> second = http.getAsync("EIO=4&transport=polling&sid=" + sid + "&t=2");
        // Whichever reaches the server first is the pending poll: it is closed ("1"), the other refused.
        List<HttpResponse<String>> answers = List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 400);
        assertThat(answers)
                .filteredOn(r -> r.statusCode() == 200)
                .extracting(HttpResponse::body)
                .containsExactly("1");
        assertThat(http.get("EIO=4&transport=polling&sid=" + sid).statusCode()).isEqualTo(400);
    }

    /**
     * The official suites' "forcefully closes the session": a GET and a POST carrying CLOSE sent
     * together. Here the POST is handled first for sure; the GET still gets the noop a held poll
     * gets, and only the one GET: the next is refused.
     */
    @Test
    void aPollArrivingJustAfterTheClientsCloseGetsTheNoopOfAHeldPoll() throws Exception {
        server.close();
        start(Duration.ofSeconds(30));
        String sid = http.handshake();
        assertThat(http.post("EIO=4&transport=polling&sid=" + sid, "1").body()).isEqualTo("ok");
        HttpResponse<String> poll = http.get("EIO=4&transport=polling&sid=" + sid);
        assertThat(poll.statusCode()).isEqualTo(200);
        assertThat(poll.body()).isEqualTo("6");
        assertError(http.get("EIO=4&transport=polling&sid=" + sid), 1, "Session ID unknown");
        assertError(http.post("EIO=4&transport=polling&sid=" + sid, "4x"), 1, "Session ID unknown");
    }

    /** The suite's case as it sends it: whichever of the two arrives first, the same answers. */
    @Test
    void aPollSentWithTheClientsCloseGetsANoopWhicheverArrivesFirst() throws Exception {
        server.close();
        start(Duration.ofSeconds(30));
        String sid = http.handshake();
        CompletableFuture<HttpResponse<String>> held = http.getAsync("EIO=4&transport=polling&sid=" + sid);
        assertThat(http.post("EIO=4&transport=polling&sid=" + sid, "1").body()).isEqualTo("ok");
        assertThat(held.get(5, TimeUnit.SECONDS).body()).isEqualTo("6");
        assertError(http.get("EIO=4&transport=polling&sid=" + sid), 1, "Session ID unknown");
    }

    @Test
    void anOversizedPostIsRefusedWith413AndDropsTheSession() throws Exception {
        server.close();
        start(Duration.ofSeconds(30));
        String sid = http.handshake();
        HttpResponse<String> r = http.post("EIO=4&transport=polling&sid=" + sid, "4" + "x".repeat(2000));
        assertThat(r.statusCode()).isEqualTo(413);
        awaitNoSessions(); // only the 413 can end it: the next ping is 30 s away
        assertThat(http.get("EIO=4&transport=polling&sid=" + sid).statusCode()).isEqualTo(400);
    }

    @Test
    void corsPreflightIsAnswered() {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder()
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", "http://example.com")
                        .header("Access-Control-Request-Headers", "x-token"),
                "EIO=4&transport=polling");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.headers().firstValue("access-control-allow-origin")).contains("*");
        assertThat(r.headers().firstValue("access-control-allow-methods")).contains("GET,HEAD,PUT,PATCH,POST,DELETE");
        assertThat(r.headers().firstValue("access-control-allow-headers")).contains("x-token");
    }

    @Test
    void unansweredPollingPingClosesTheSession() throws Exception {
        CompletableFuture<DisconnectReason> closed = new CompletableFuture<>();
        // after the echo's listener: this one replaces it (nothing is echoed here)
        server.onConnection(socket -> socket.listen(new EngineSocket.Listener() {
            @Override
            public void onClose(DisconnectReason reason) {
                closed.complete(reason);
            }
        }));
        String sid = http.handshake();
        // ping at 300 ms, no pong: closed at 500 ms (the server's own loop and clock; the heartbeat's
        // timing itself is HeartbeatTest's, on a manual clock)
        assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.PING_TIMEOUT);
        assertThat(http.get("EIO=4&transport=polling&sid=" + sid).statusCode()).isEqualTo(400);
    }

    @Test
    void webSocketEchoesFramesAndPings() {
        try (WsClient ws = WsClient.open(port, "/engine.io/", "", false)) {
            assertThat(ws.nextText()).startsWith("0{").contains("\"upgrades\":[]");
            ws.send("4hello");
            assertThat(ws.nextText()).isEqualTo("4hello");
            ws.send(new byte[] {1, 2, 3});
            assertThat((byte[]) ws.next()).containsExactly(1, 2, 3);
            assertThat(ws.nextText()).isEqualTo("2");
            ws.send("3");
            assertThat(ws.nextText()).isEqualTo("2");
        }
    }

    @Test
    void unansweredWebSocketPingClosesTheConnection() {
        try (WsClient ws = WsClient.open(port, "/engine.io/", "", false)) {
            ws.nextText();
            assertThat(ws.nextText()).isEqualTo("2");
            assertThat(ws.next()).isSameAs(WsClient.CLOSED);
        }
    }

    @Test
    void aMalformedFrameClosesTheConnection() {
        try (WsClient ws = WsClient.open(port, "/engine.io/", "", false)) {
            ws.nextText();
            ws.send("x");
            assertThat(ws.next()).isSameAs(WsClient.CLOSED);
        }
    }

    @Test
    void upgradeKeepsEveryPacketInOrder() throws Exception {
        // A ping due during the probe would answer the pending GET before the noop does; on a loaded
        // machine opening the WebSocket can take longer than the conformance mode's 300 ms.
        server.close();
        start(Duration.ofSeconds(30));
        String sid = http.handshake();
        CompletableFuture<HttpResponse<String>> pending = http.getAsync("EIO=4&transport=polling&sid=" + sid);
        try (WsClient ws = WsClient.open(port, "/engine.io/", "sid=" + sid, false)) {
            ws.send("2probe");
            assertThat(ws.nextText()).isEqualTo("3probe");
            assertThat(pending.get().body()).isEqualTo("6");
            http.post("EIO=4&transport=polling&sid=" + sid, "4one\u001e4two");
            ws.send("5");
            assertThat(ws.nextText()).isEqualTo("4one");
            assertThat(ws.nextText()).isEqualTo("4two");
            assertThat(http.get("EIO=4&transport=polling&sid=" + sid).statusCode())
                    .isEqualTo(400);
            try (WsClient second = WsClient.open(port, "/engine.io/", "sid=" + sid, false)) {
                assertThat(second.next()).isSameAs(WsClient.CLOSED);
            }
            ws.send("4three");
            assertThat(ws.nextText()).isEqualTo("4three");
        }
    }

    @Test
    void closingTheServerReleasesItsThreads() throws InterruptedException {
        // Only this server's threads count: other tests' servers may still be winding down.
        server.close();
        Set<Thread> before = serverThreads();
        start(Duration.ofMillis(300));
        for (int i = 0; i < 4; i++) {
            assertThat(http.handshake()).isNotEmpty();
        }
        Set<Thread> ours = serverThreads();
        ours.removeAll(before);
        assertThat(ours).isNotEmpty();
        server.close();
        for (Thread t : ours) {
            t.join(5_000); // a loop thread outlives its group's termination by a few instructions
        }
        assertThat(ours).noneMatch(Thread::isAlive);
        assertThat(server.sessionCount()).isZero();
    }

    /** Waits up to 5 s for the server to have no session left. */
    private void awaitNoSessions() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.sessionCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(server.sessionCount()).as("sessions left").isZero();
    }

    private static Set<Thread> serverThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("pulseio-server") && t.isAlive()) {
                threads.add(t);
            }
        }
        return threads;
    }
}
