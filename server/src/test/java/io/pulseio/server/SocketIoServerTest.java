package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Socket.IO layer, driven by raw WebSocket frames. */
class SocketIoServerTest {
    private SocketIoServer server;
    private int port;
    private final LinkedBlockingQueue<Object> seen = new LinkedBlockingQueue<>();

    private void start(ServerOptions.Builder options) {
        server = SocketIoServer.create(options.ioThreads(2).build());
    }

    private int listen() {
        port = server.start();
        return port;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private WsClient connect(String connectPacket) {
        return WsClient.socketIo(port, connectPacket);
    }

    private Object seen() throws InterruptedException {
        Object o = seen.poll(5, TimeUnit.SECONDS);
        assertThat(o).as("expected a server-side event").isNotNull();
        return o;
    }

    @Test
    void conformanceModeAnswersAsTheSuiteExpects() {
        server = Conformance.socketIo(Conformance.options(Conformance.Mode.SOCKET_IO, 0));
        listen();
        try (WsClient ws = connect("40{\"token\":\"123\"}")) {
            assertThat(ws.nextText()).matches("40\\{\"sid\":\"[-_A-Za-z0-9]{20}\"}");
            assertThat(ws.nextText()).isEqualTo("42[\"auth\",{\"token\":\"123\"}]");
            ws.send("42[\"message\",1,\"2\",{\"3\":[true]}]");
            assertThat(ws.nextText()).isEqualTo("42[\"message-back\",1,\"2\",{\"3\":[true]}]");
            ws.send("42456[\"message-with-ack\",1]");
            assertThat(ws.nextText()).isEqualTo("43456[1]");
            ws.send("40/random");
            assertThat(ws.nextText()).isEqualTo("44/random,{\"message\":\"Invalid namespace\"}");
            ws.send("40/custom,");
            assertThat(ws.nextText()).startsWith("40/custom,{\"sid\"");
            assertThat(ws.nextText()).isEqualTo("42/custom,[\"auth\",{}]");
        }
    }

    @Test
    void listenersChangedDuringAnEventTakeEffectFromTheNextOne() throws Exception {
        start(ServerOptions.builder());
        server.sockets().onConnection(socket -> {
            Subscription[] first = new Subscription[1];
            first[0] = socket.on("e", (args, ack) -> {
                seen.add("first:" + args.get(0).asInt());
                first[0].close();
                socket.on(
                        "e", (args2, ack2) -> seen.add("second:" + args2.get(0).asInt()));
            });
            socket.onAny((event, args, ack) -> seen.add("any:" + event));
        });
        listen();
        try (WsClient ws = connect("40")) {
            ws.nextText();
            ws.send("42[\"e\",1]");
            assertThat(List.of(seen(), seen())).containsExactly("first:1", "any:e");
            ws.send("42[\"e\",2]");
            assertThat(List.of(seen(), seen())).containsExactly("second:2", "any:e");
            // a barrier: events are read in order, so whatever else "e" had run comes before this
            ws.send("42[\"f\"]");
            assertThat(seen()).isEqualTo("any:f");
        }
    }

    @Test
    void textOutsideAsciiTravelsBothWaysOverWebSocket() {
        server = Conformance.socketIo(Conformance.options(Conformance.Mode.SOCKET_IO, 0));
        listen();
        try (WsClient ws = connect("40")) {
            ws.nextText();
            ws.nextText();
            String text = "h\u00e9llo \u20ac \ud83d\ude00 \u4e2d";
            ws.send("42[\"message\",\"" + text + "\"]");
            assertThat(ws.nextText()).isEqualTo("42[\"message-back\",\"" + text + "\"]");
            ws.send("4");
            assertThat(ws.next())
                    .as("an empty message is a parse error: the connection closes")
                    .isSameAs(WsClient.CLOSED);
        }
    }

    @Test
    void binaryAttachmentsTravelBothWays() {
        server = Conformance.socketIo(Conformance.options(Conformance.Mode.SOCKET_IO, 0));
        listen();
        try (WsClient ws = connect("40")) {
            ws.nextText();
            ws.nextText();
            ws.send("451-7[\"message-with-ack\",{\"_placeholder\":true,\"num\":0}]");
            ws.send(new byte[] {9, 8, 7});
            assertThat(ws.nextText()).isEqualTo("461-7[{\"_placeholder\":true,\"num\":0}]");
            assertThat((byte[]) ws.next()).containsExactly(9, 8, 7);
        }
    }

    @Test
    void aMalformedPacketClosesTheConnectionWithParseError() throws Exception {
        start(ServerOptions.builder());
        server.sockets().onConnection(s -> s.onDisconnect(seen::add));
        listen();
        try (WsClient ws = connect("40")) {
            ws.nextText();
            ws.send("42{}");
            assertThat(ws.next()).isSameAs(WsClient.CLOSED);
            assertThat(seen()).isEqualTo(DisconnectReason.PARSE_ERROR);
        }
    }

    @Test
    void noConnectWithinTheTimeoutClosesTheConnection() {
        start(ServerOptions.builder().connectTimeout(Duration.ofMillis(200)));
        listen();
        try (WsClient ws = WsClient.open(port, "/socket.io/", "", true)) {
            ws.nextText();
            assertThat(ws.next()).isSameAs(WsClient.CLOSED);
        }
    }

    @Test
    void asyncMiddlewareRefusalBecomesConnectErrorWithMessageAndData() {
        start(ServerOptions.builder());
        server.sockets()
                .use(socket -> CompletableFuture.supplyAsync(() -> {
                    if (!socket.handshake().auth().path("token").asText().equals("secret")) {
                        throw new ConnectionRefusedException(
                                "not authorized",
                                JsonNodeFactory.instance.objectNode().put("retry", false));
                    }
                    return null;
                }));
        listen();
        try (WsClient ws = connect("40{\"token\":\"wrong\"}")) {
            assertThat(ws.nextText()).isEqualTo("44{\"message\":\"not authorized\",\"data\":{\"retry\":false}}");
        }
        try (WsClient ws = connect("40{\"token\":\"secret\"}")) {
            assertThat(ws.nextText()).startsWith("40{\"sid\"");
        }
    }

    @Test
    void dynamicNamespacesAreMadeForMatchingNames() throws Exception {
        start(ServerOptions.builder());
        Namespace rooms = server.namespaces(Pattern.compile("/room-\\d+"));
        rooms.onConnection(s -> seen.add(s.namespace().name()));
        listen();
        try (WsClient ws = connect("40/room-42,")) {
            assertThat(ws.nextText()).startsWith("40/room-42,{\"sid\"");
            assertThat(seen()).isEqualTo("/room-42");
            rooms.emit("hello", 1);
            assertThat(ws.nextText()).isEqualTo("42/room-42,[\"hello\",1]");
            ws.send("40/room-x,");
            assertThat(ws.nextText()).isEqualTo("44/room-x,{\"message\":\"Invalid namespace\"}");
        }
    }

    @Test
    void eventsAndAcksGoBothWays() throws Exception {
        start(ServerOptions.builder());
        server.sockets().onConnection(socket -> {
            socket.on(
                    "question",
                    (args, ack) -> ack.send("answer to " + args.get(0).asText()));
            seen.add(socket);
        });
        listen();
        try (WsClient ws = connect("40")) {
            ws.nextText();
            ServerSocket socket = (ServerSocket) seen();
            ws.send("423[\"question\",\"life\"]");
            assertThat(ws.nextText()).isEqualTo("433[\"answer to life\"]");

            CompletableFuture<List<JsonNode>> reply = socket.emitWithAck(Duration.ofSeconds(2), "ping", "x");
            String sent = ws.nextText();
            assertThat(sent).matches("42\\d+\\[\"ping\",\"x\"]");
            String id = sent.substring(2, sent.indexOf('['));
            ws.send("43" + id + "[\"pong\",2]");
            assertThat(reply.get(5, TimeUnit.SECONDS))
                    .extracting(JsonNode::toString)
                    .containsExactly("\"pong\"", "2");

            CompletableFuture<List<JsonNode>> unanswered = socket.emitWithAck(Duration.ofMillis(100), "ping");
            ws.nextText();
            assertThatThrownBy(() -> unanswered.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(AckTimeoutException.class);
            assertThatThrownBy(() -> socket.emit("disconnect")).hasMessage("'disconnect' is a reserved event name");
        }
    }

    @Test
    void roomsSelectWhoGetsABroadcast() throws Exception {
        start(ServerOptions.builder());
        server.sockets().onConnection(seen::add);
        listen();
        try (WsClient a = connect("40");
                WsClient b = connect("40");
                WsClient c = connect("40")) {
            a.nextText();
            b.nextText();
            c.nextText();
            ServerSocket sa = (ServerSocket) seen();
            ServerSocket sb = (ServerSocket) seen();
            ServerSocket sc = (ServerSocket) seen();
            sa.join("red");
            sb.join("red", "blue");
            sc.join("blue");
            assertThat(sb.rooms()).containsExactlyInAnyOrder(sb.id(), "red", "blue");

            server.sockets().to("red").except("blue").emit("only-a");
            sa.to("red", "blue").emit("not-a");
            server.sockets().emit("all");
            sb.leave("red");
            server.sockets().to("red").emit("red-now");

            assertThat(nextEvents(a, 2)).containsExactly("42[\"only-a\"]", "42[\"all\"]");
            assertThat(nextEvents(b, 2)).containsExactly("42[\"not-a\"]", "42[\"all\"]");
            assertThat(nextEvents(c, 2)).containsExactly("42[\"not-a\"]", "42[\"all\"]");
            assertThat(a.nextText()).isEqualTo("42[\"red-now\"]");
            server.sockets().emit("end"); // after red-now, from the same thread: it reaches b after it
            assertThat(b.nextText()).as("b left red").isEqualTo("42[\"end\"]");
            assertThat(server.sockets().to("blue").socketIds()).containsExactlyInAnyOrder(sb.id(), sc.id());

            c.close();
            awaitTrue(() -> !sc.connected());
            assertThat(server.sockets().to("blue").socketIds()).containsExactly(sb.id());
        }
    }

    /** Waits up to 5 s for a state the server reaches on its own loop. */
    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(condition.getAsBoolean()).as("reached within 5 s").isTrue();
    }

    private static List<String> nextEvents(WsClient ws, int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> ws.nextText())
                .toList();
    }

    @Test
    void broadcastWithAckCollectsEveryReplyOrTimesOut() throws Exception {
        start(ServerOptions.builder());
        server.sockets().onConnection(seen::add);
        listen();
        try (WsClient a = connect("40");
                WsClient b = connect("40")) {
            a.nextText();
            b.nextText();
            seen();
            seen();
            CompletableFuture<List<AckReply>> all = server.sockets().emitWithAck(Duration.ofSeconds(2), "count");
            for (WsClient ws : List.of(a, b)) {
                String packet = ws.nextText();
                ws.send("43" + packet.substring(2, packet.indexOf('[')) + "[1]");
            }
            assertThat(all.get(5, TimeUnit.SECONDS))
                    .hasSize(2)
                    .allSatisfy(r -> assertThat(r.args().get(0).asInt()).isEqualTo(1));

            CompletableFuture<List<AckReply>> partial = server.sockets().emitWithAck(Duration.ofSeconds(1), "count");
            String packet = a.nextText();
            a.send("43" + packet.substring(2, packet.indexOf('[')) + "[7]");
            b.nextText();
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(
                    ExecutionException.class, () -> partial.get(5, TimeUnit.SECONDS));
            assertThat(((AckTimeoutException) e.getCause()).replies()).hasSize(1);
        }
    }

    @Test
    void disconnectReasonsAreSocketIosOwn() throws Exception {
        start(ServerOptions.builder());
        server.sockets().onConnection(s -> {
            seen.add(s);
            s.onDisconnect(seen::add);
        });
        listen();
        try (WsClient ws = connect("40")) {
            ws.nextText();
            seen();
            ws.send("41");
            assertThat(seen()).isEqualTo(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
            ws.send("40");
            ws.nextText();
            ServerSocket socket = (ServerSocket) seen();
            socket.disconnect(false);
            assertThat(ws.nextText()).isEqualTo("41");
            assertThat(seen()).isEqualTo(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
            ws.send("40");
            ws.nextText();
            seen();
        }
        assertThat(seen()).isEqualTo(DisconnectReason.TRANSPORT_CLOSE);
        try (WsClient ws = connect("40")) {
            ws.nextText();
            seen();
            server.close();
            assertThat(seen()).isEqualTo(DisconnectReason.SERVER_SHUTTING_DOWN);
        }
    }

    @Test
    void connectionStateRecoveryReplaysMissedEvents() throws Exception {
        start(ServerOptions.builder().connectionStateRecovery(Duration.ofMinutes(1)));
        server.sockets().onConnection(s -> {
            s.join("news");
            seen.add(s);
        });
        listen();
        String pid;
        String offset;
        String sid;
        ServerSocket first;
        try (WsClient ws = connect("40")) {
            String connect = ws.nextText();
            assertThat(connect).contains("\"pid\":\"");
            pid = field(connect, "pid");
            sid = field(connect, "sid");
            first = (ServerSocket) seen();
            assertThat(first.recovered()).isFalse();
            server.sockets().to("news").emit("headline", 1);
            String event = ws.nextText();
            assertThat(event).startsWith("42[\"headline\",1,\"");
            offset = event.substring(event.lastIndexOf(",\"") + 2, event.length() - 2);
        }
        awaitTrue(() -> !first.connected()); // the server has seen the client go: it keeps what follows
        server.sockets().to("news").emit("headline", 2);
        server.sockets().emit("bulletin");
        try (WsClient ws = connect("40{\"pid\":\"" + pid + "\",\"offset\":\"" + offset + "\"}")) {
            String connect = ws.nextText();
            assertThat(field(connect, "sid")).isEqualTo(sid);
            assertThat(ws.nextText()).startsWith("42[\"headline\",2,\"");
            assertThat(ws.nextText()).startsWith("42[\"bulletin\",\"");
            ServerSocket again = (ServerSocket) seen();
            assertThat(again.recovered()).isTrue();
            assertThat(again.rooms()).contains("news", sid);
        }
    }

    private static String field(String packet, String name) {
        int start = packet.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return packet.substring(start, packet.indexOf('"', start));
    }

    @Test
    void pollingClientsGetSocketIoPacketsToo() {
        server = Conformance.socketIo(Conformance.options(Conformance.Mode.SOCKET_IO, 0));
        listen();
        Http http = new Http(port, "/socket.io/");
        String sid = http.handshake();
        http.post("EIO=4&transport=polling&sid=" + sid, "40");
        // the conformance server pings every 300 ms: on a busy machine a ping may come first
        String body = http.get("EIO=4&transport=polling&sid=" + sid).body().replaceFirst("^2\u001e", "");
        assertThat(body).startsWith("40{\"sid\"").endsWith("\u001e42[\"auth\",{}]");
    }

    @Test
    void volatileEventsAreDroppedWhileThePollingClientIsNotWaiting() throws Exception {
        start(ServerOptions.builder());
        server.sockets().onConnection(seen::add);
        listen();
        Http http = new Http(port, "/socket.io/");
        String sid = http.handshake();
        http.post("EIO=4&transport=polling&sid=" + sid, "40");
        assertThat(http.get("EIO=4&transport=polling&sid=" + sid).body()).startsWith("40{\"sid\"");
        ServerSocket socket = (ServerSocket) seen();
        socket.emitVolatile("lost");
        server.sockets().volatileOnly().emit("lost too");
        socket.emit("kept");
        // a barrier: tasks given from one thread run in order on the socket's loop, so once this one
        // has run the three emits have reached the session, while no poll was held
        CompletableFuture<Void> emitted = new CompletableFuture<>();
        socket.execute(() -> emitted.complete(null));
        emitted.get(5, TimeUnit.SECONDS);
        assertThat(http.get("EIO=4&transport=polling&sid=" + sid).body()).isEqualTo("42[\"kept\"]");
        CompletableFuture<java.net.http.HttpResponse<String>> waiting =
                http.getAsync("EIO=4&transport=polling&sid=" + sid);
        // Dropped until the poll has reached the server, then the first one answers it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!waiting.isDone() && System.nanoTime() < deadline) {
            socket.emitVolatile("delivered");
            Thread.sleep(10); // a poll loop: nothing tells the test when the GET has reached the server
        }
        assertThat(waiting.get(5, TimeUnit.SECONDS).body()).isEqualTo("42[\"delivered\"]");
    }

    @Test
    void disconnectWithCloseEndsEveryNamespaceOfTheConnection() throws Exception {
        start(ServerOptions.builder());
        server.namespace("/admin");
        server.sockets().onConnection(seen::add);
        server.namespace("/admin").onConnection(s -> s.onDisconnect(seen::add));
        listen();
        try (WsClient ws = connect("40")) {
            ws.nextText();
            ServerSocket main = (ServerSocket) seen();
            ws.send("40/admin,");
            ws.nextText();
            main.disconnect(true);
            assertThat(seen()).isEqualTo(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
            java.util.Set<String> last = new java.util.HashSet<>();
            for (Object m = ws.next(); m != WsClient.CLOSED; m = ws.next()) {
                last.add((String) m);
            }
            assertThat(last).contains("41", "41/admin,");
        }
    }
}
