package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cluster operations of the server API, on one server with the in-memory adapter. */
class ClusterApiTest {
    private SocketIoServer server;
    private int port;
    private final LinkedBlockingQueue<ServerSocket> connected = new LinkedBlockingQueue<>();

    private void start(ServerOptions.Builder options) {
        server = SocketIoServer.create(options.host("127.0.0.1").ioThreads(2).build());
        server.sockets().onConnection(connected::add);
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
        assertThat(s).as("a socket connected").isNotNull();
        return s;
    }

    @Test
    void socketsJoinAndLeavePutTheSelectedSocketsInAndOutOfRooms() throws Exception {
        start(ServerOptions.builder());
        try (WsClient a = WsClient.socketIo(port, "40");
                WsClient b = WsClient.socketIo(port, "40")) {
            a.nextText();
            b.nextText();
            ServerSocket sa = nextSocket();
            ServerSocket sb = nextSocket();
            sa.join("red");
            server.sockets().in("red").socketsJoin("green", "blue");
            assertThat(sa.rooms()).containsExactlyInAnyOrder(sa.id(), "red", "green", "blue");
            assertThat(sb.rooms()).containsExactly(sb.id());
            server.sockets().except("red").socketsJoin("green");
            server.sockets().socketsLeave("blue");
            assertThat(sa.rooms()).containsExactlyInAnyOrder(sa.id(), "red", "green");
            assertThat(server.sockets().to("green").socketIds()).containsExactlyInAnyOrder(sa.id(), sb.id());
            assertThatThrownBy(() -> server.sockets().socketsJoin((String) null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("room must not be null");
        }
    }

    @Test
    void fetchSocketsShowsIdHandshakeRoomsAndData() throws Exception {
        start(ServerOptions.builder());
        try (WsClient a = WsClient.socketIo(port, "40{\"token\":\"t1\"}");
                WsClient b = WsClient.socketIo(port, "40")) {
            a.nextText();
            b.nextText();
            ServerSocket sa = nextSocket();
            nextSocket();
            sa.join("red");
            sa.data().put("user", TextNode.valueOf("ada"));
            List<RemoteSocket> red = server.sockets().in("red").fetchSockets().get(5, TimeUnit.SECONDS);
            assertThat(red).hasSize(1);
            RemoteSocket remote = red.get(0);
            assertThat(remote.id()).isEqualTo(sa.id());
            assertThat(remote.rooms()).containsExactlyInAnyOrder(sa.id(), "red");
            assertThat(remote.data().get("user").textValue()).isEqualTo("ada");
            assertThat(remote.handshake().auth().get("token").textValue()).isEqualTo("t1");
            assertThat(server.sockets().fetchSockets().get(5, TimeUnit.SECONDS)).hasSize(2);
            assertThat(server.sockets().except("red").fetchSockets().get(5, TimeUnit.SECONDS))
                    .extracting(RemoteSocket::id)
                    .doesNotContain(sa.id());
        }
    }

    @Test
    void disconnectSocketsDisconnectsOnlyTheSelectedOnes() throws Exception {
        start(ServerOptions.builder());
        try (WsClient a = WsClient.socketIo(port, "40");
                WsClient b = WsClient.socketIo(port, "40")) {
            a.nextText();
            b.nextText();
            ServerSocket sa = nextSocket();
            ServerSocket sb = nextSocket();
            sa.join("red");
            server.sockets().in("red").disconnectSockets(false);
            assertThat(a.nextText()).isEqualTo("41");
            sb.emit("still-here");
            assertThat(b.nextText()).isEqualTo("42[\"still-here\"]");
            assertThat(sb.connected()).isTrue();
        }
    }

    @Test
    void aSingleServerCountsOneAndHasNoOneToTellServerSideEvents() throws Exception {
        start(ServerOptions.builder());
        Namespace nsp = server.sockets();
        assertThat(nsp.serverCount().get(5, TimeUnit.SECONDS)).isEqualTo(1);
        nsp.serverSideEmit("hello", 1);
        assertThat(nsp.serverSideEmitWithAck(Duration.ofSeconds(1), "hello").get(5, TimeUnit.SECONDS))
                .isEmpty();
        assertThatThrownBy(() -> nsp.serverSideEmit("disconnect"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> nsp.serverSideEmitWithAck(Duration.ZERO, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout");
    }

    @Test
    void aDynamicNamespaceRefusesServerSideEmitsAndTheServerCount() {
        start(ServerOptions.builder());
        Namespace dynamic = server.namespaces(Pattern.compile("/d-\\d+"));
        assertThatThrownBy(() -> dynamic.serverSideEmit("x"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("call it on one of its namespaces");
        assertThatThrownBy(() -> dynamic.serverSideEmitWithAck(Duration.ofSeconds(1), "x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(dynamic::serverCount).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theLocalFlagStillReachesThisServersSockets() throws Exception {
        start(ServerOptions.builder());
        try (WsClient a = WsClient.socketIo(port, "40")) {
            a.nextText();
            nextSocket();
            server.sockets().local().emit("here");
            assertThat(a.nextText()).isEqualTo("42[\"here\"]");
        }
    }

    @Test
    void theDataMapComesBackWithARecoveredSocket() throws Exception {
        start(ServerOptions.builder().connectionStateRecovery(Duration.ofMinutes(1)));
        String pid;
        String offset;
        try (WsClient ws = WsClient.socketIo(port, "40")) {
            String connect = ws.nextText();
            pid = connect.substring(connect.indexOf("\"pid\":\"") + 7, connect.lastIndexOf('"'));
            ServerSocket s = nextSocket();
            s.data().put("score", IntNode.valueOf(7));
            s.join("red");
            server.sockets().emit("first");
            String event = ws.nextText();
            offset = event.substring(event.lastIndexOf(",\"") + 2, event.length() - 2);
        }
        awaitNoSockets();
        try (WsClient ws = WsClient.socketIo(port, "40{\"pid\":\"" + pid + "\",\"offset\":\"" + offset + "\"}")) {
            ws.nextText();
            ServerSocket back = nextSocket();
            assertThat(back.recovered()).isTrue();
            assertThat(back.data()).containsEntry("score", IntNode.valueOf(7));
            assertThat(back.rooms()).contains("red");
        }
    }

    private void awaitNoSockets() throws InterruptedException {
        for (int i = 0; i < 500 && !server.sockets().sockets().isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertThat(server.sockets().sockets()).isEmpty();
    }

    @Test
    void serverSideEventsFromAnotherServerReachTheListenersWithTheirAck() throws Exception {
        CompletableFuture<Adapter.Context> context = new CompletableFuture<>();
        start(ServerOptions.builder().adapter(c -> {
            context.complete(c);
            return Adapter.inMemory().create(c);
        }));
        LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
        server.sockets().onServerSideEmit((event, args, ack) -> {
            heard.add(event + " " + args);
            if (ack != null) {
                ack.send(args.get(0).intValue() + 1, "ignored");
            }
        });
        server.sockets().onServerSideEmit((event, args, ack) -> {
            throw new IllegalStateException("a failing listener does not stop the others");
        });
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        var f = JsonNodeFactory.instance;
        context.get().serverSideEvent(List.of(f.textNode("ping"), f.numberNode(41)), answer::complete);
        assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo("ping [41]");
        assertThat(answer.get(5, TimeUnit.SECONDS).intValue()).isEqualTo(42);
        context.get().serverSideEvent(List.of(f.textNode("note"), f.textNode("x")), null);
        assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo("note [\"x\"]");
        assertThatThrownBy(() -> context.get().serverSideEvent(List.of(f.numberNode(1)), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with");
    }
}
