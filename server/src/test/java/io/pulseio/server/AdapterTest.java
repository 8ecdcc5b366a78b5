package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.pulseio.protocol.SocketPacket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A user-supplied adapter, written against the public API, carries rooms and broadcasts. */
class AdapterTest {
    private SocketIoServer server;
    private int port;
    private final Map<String, RecordingAdapter> adapters = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Object> seen = new LinkedBlockingQueue<>();

    private void start(ServerOptions.Builder options) {
        server = SocketIoServer.create(options.host("127.0.0.1").ioThreads(2).build());
        port = server.start();
    }

    private ServerOptions.Builder recording() {
        return ServerOptions.builder().adapter(context -> {
            RecordingAdapter adapter = new RecordingAdapter(context);
            adapters.put(context.namespace(), adapter);
            return adapter;
        });
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
    void theDefaultIsTheInMemoryAdapter() {
        ServerOptions options = ServerOptions.builder().build();
        assertThat(options.adapter()).isNotNull();
        assertThat(options.toBuilder().build().adapter()).isSameAs(options.adapter());
        assertThatThrownBy(() -> ServerOptions.builder().adapter(null).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adapter must not be null");
    }

    @Test
    void roomsBroadcastsAndDisconnectsGoThroughTheGivenAdapter() throws Exception {
        start(recording());
        server.sockets().onConnection(seen::add);
        RecordingAdapter adapter = adapters.get("/");
        assertThat(server.sockets().adapter()).isSameAs(adapter);
        ServerSocket sa;
        try (WsClient a = connect("40");
                WsClient b = connect("40");
                WsClient c = connect("40")) {
            a.nextText();
            b.nextText();
            c.nextText();
            sa = (ServerSocket) seen();
            ServerSocket sb = (ServerSocket) seen();
            ServerSocket sc = (ServerSocket) seen();
            assertThat(adapter.calls)
                    .contains(
                            "addAll " + sa.id() + " [" + sa.id() + "]",
                            "addAll " + sb.id() + " [" + sb.id() + "]",
                            "addAll " + sc.id() + " [" + sc.id() + "]");

            sa.join("red");
            sb.join("red", "blue");
            sc.join("blue");
            assertThat(adapter.calls).contains("addAll " + sb.id() + " [blue, red]");
            assertThat(sb.rooms()).containsExactlyInAnyOrder(sb.id(), "red", "blue");

            server.sockets().to("red").except("blue").emit("only-a");
            sa.broadcast().emit("not-a");
            assertThat(a.nextText()).isEqualTo("42[\"only-a\"]");
            assertThat(b.nextText()).isEqualTo("42[\"not-a\"]");
            assertThat(c.nextText()).isEqualTo("42[\"not-a\"]");
            assertThat(adapter.calls)
                    .contains(
                            "broadcast to[red] except[blue] [\"only-a\"]",
                            "broadcast to[] except[" + sa.id() + "] [\"not-a\"]");

            sb.leave("red");
            assertThat(adapter.calls).contains("del " + sb.id() + " red");
            assertThat(server.sockets().to("red").socketIds()).containsExactly(sa.id());

            CompletableFuture<List<AckReply>> replies =
                    server.sockets().to("red").emitWithAck(Duration.ofSeconds(5), "count");
            String packet = a.nextText();
            a.send("43" + packet.substring(2, packet.indexOf('[')) + "[1]");
            assertThat(replies.get(5, TimeUnit.SECONDS))
                    .extracting(AckReply::socketId)
                    .containsExactly(sa.id());
            assertThat(adapter.calls).contains("broadcastWithAck to[red] except[] [\"count\"]");

            server.sockets().volatileOnly().to("blue").emit("maybe");
            assertThat(adapter.calls).contains("broadcast to[blue] except[] volatile [\"maybe\"]");
            assertThat(b.nextText()).isEqualTo("42[\"maybe\"]");
            assertThat(c.nextText()).isEqualTo("42[\"maybe\"]");

            c.close();
            assertThat(adapter.awaitCall("delAll " + sc.id())).isTrue();
            assertThat(server.sockets().to("blue").socketIds()).containsExactly(sb.id());
            server.sockets().to("blue").disconnectSockets(false);
            assertThat(b.nextText()).isEqualTo("41");
            assertThat(adapter.awaitCall("delAll " + sb.id())).isTrue();
        }
        server.close();
        assertThat(adapter.calls).contains("delAll " + sa.id()).endsWith("close");
    }

    @Test
    void theInMemoryAdaptersRoomListenerHearsEachRoomComeAndGoOnce() throws Exception {
        LinkedBlockingQueue<String> rooms = new LinkedBlockingQueue<>();
        Adapter.RoomListener listener = new Adapter.RoomListener() {
            @Override
            public void created(String room) {
                rooms.add("+" + room);
            }

            @Override
            public void deleted(String room) {
                rooms.add("-" + room);
            }
        };
        start(ServerOptions.builder().adapter(context -> Adapter.inMemory(context, listener)));
        server.sockets().onConnection(seen::add);
        ServerSocket sa;
        ServerSocket sb;
        try (WsClient a = connect("40");
                WsClient b = connect("40")) {
            a.nextText();
            sa = (ServerSocket) seen();
            assertThat(rooms.poll(5, TimeUnit.SECONDS)).isEqualTo("+" + sa.id());
            b.nextText();
            sb = (ServerSocket) seen();
            assertThat(rooms.poll(5, TimeUnit.SECONDS)).isEqualTo("+" + sb.id());
            sa.join("red");
            sb.join("red", "blue");
            sa.leave("red");
            assertThat(List.of(rooms.take(), rooms.take())).containsExactly("+red", "+blue");
            server.sockets().in("red").socketsLeave("red");
            assertThat(rooms.poll(5, TimeUnit.SECONDS)).isEqualTo("-red");
            server.sockets().socketsJoin("green");
            assertThat(rooms.poll(5, TimeUnit.SECONDS)).isEqualTo("+green");
            sa.leave("nothing");
            assertThat(server.sockets().adapter().sockets(Set.of("green"))).hasSize(2);
        }
        List<String> gone = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String room = rooms.poll(5, TimeUnit.SECONDS);
            assertThat(room).as("the rooms left when both disconnect: " + gone).isNotNull();
            gone.add(room);
        }
        assertThat(gone).containsExactlyInAnyOrder("-" + sa.id(), "-" + sb.id(), "-blue", "-green");
        assertThat(rooms.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThatThrownBy(() -> Adapter.inMemory(null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("rooms");
    }

    @Test
    void eachNamespaceGetsItsOwnAdapter() throws Exception {
        start(recording());
        server.namespace("/chat").onConnection(s -> {
            s.join("lobby");
            seen.add(s);
        });
        server.namespaces(Pattern.compile("/room-\\d+"));
        try (WsClient ws = connect("40/chat,")) {
            assertThat(ws.nextText()).startsWith("40/chat,{\"sid\"");
            ServerSocket socket = (ServerSocket) seen();
            server.namespace("/chat").to("lobby").emit("hi");
            assertThat(ws.nextText()).isEqualTo("42/chat,[\"hi\"]");
            assertThat(adapters.get("/chat").calls).contains("addAll " + socket.id() + " [lobby]");
            assertThat(adapters.get("/").calls).isEmpty();
            ws.send("40/room-7,");
            assertThat(ws.nextText()).startsWith("40/room-7,{\"sid\"");
            assertThat(adapters.get("/room-7").context.namespace()).isEqualTo("/room-7");
        }
    }

    @Test
    void connectionStateRecoveryUsesTheAdaptersOffsetsAndSessions() throws Exception {
        start(recording().connectionStateRecovery(Duration.ofMinutes(1)));
        server.sockets().onConnection(seen::add);
        String pid;
        String offset;
        try (WsClient ws = connect("40")) {
            String connect = ws.nextText();
            pid = field(connect, "pid");
            seen();
            server.sockets().emit("first");
            String event = ws.nextText();
            offset = event.substring(event.lastIndexOf(",\"") + 2, event.length() - 2);
            assertThat(offset).isEqualTo("rec-0");
        }
        assertThat(adapters.get("/").awaitCall("delAll")).isTrue();
        assertThat(adapters.get("/").calls).anyMatch(c -> c.startsWith("persistSession "));
        server.sockets().emit("missed");
        try (WsClient ws = connect("40{\"pid\":\"" + pid + "\",\"offset\":\"" + offset + "\"}")) {
            ws.nextText();
            assertThat(ws.nextText()).isEqualTo("42[\"missed\",\"rec-1\"]");
            assertThat(((ServerSocket) seen()).recovered()).isTrue();
        }
        assertThat(adapters.get("/").calls).contains("restoreSession rec-0");
    }

    private static String field(String packet, String name) {
        int start = packet.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return packet.substring(start, packet.indexOf('"', start));
    }

    @Test
    void theContextRefusesPacketsItCannotSend() {
        start(recording());
        Adapter.Context context = adapters.get("/").context;
        SocketPacket other =
                SocketPacket.event("/chat", JsonNodeFactory.instance.arrayNode().add("x"), SocketPacket.NO_ACK);
        assertThatThrownBy(() -> context.send(other, Set.of(), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("packet is for namespace /chat, not /");
        SocketPacket noAck =
                SocketPacket.event("/", JsonNodeFactory.instance.arrayNode().add("x"), SocketPacket.NO_ACK);
        assertThatThrownBy(() -> context.sendWithAck(noAck, Set.of(), Duration.ofSeconds(1), r -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("packet must carry an ack id");
        SocketPacket withAck =
                SocketPacket.event("/", JsonNodeFactory.instance.arrayNode().add("x"), 3);
        assertThatThrownBy(() -> context.sendWithAck(withAck, Set.of(), Duration.ZERO, r -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout must be positive, was PT0S");
        assertThat(context.send(noAck, Set.of("nobody"), false)).isZero();
    }

    @Test
    void aFactoryThatReturnsNullIsRefused() {
        assertThatThrownBy(() -> SocketIoServer.create(
                        ServerOptions.builder().adapter(context -> null).build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the adapter factory returned null for namespace /");
    }

    @Test
    void aFactoryThatFailsLeavesNoEventLoopsBehind() throws Exception {
        // Each refused server made its event loops (epoll or selector file descriptors) before the
        // factory ran: they are released. 20 leaked groups of 2 loops would be 40+ descriptors.
        java.nio.file.Path fds = java.nio.file.Path.of("/proc/self/fd");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(fds), "Linux only");
        long before = count(fds);
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> SocketIoServer.create(ServerOptions.builder()
                            .ioThreads(2)
                            .adapter(context -> null)
                            .build()))
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(count(fds) - before).isLessThan(20);
    }

    private static long count(java.nio.file.Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> entries = java.nio.file.Files.list(dir)) {
            return entries.count();
        }
    }

    @Test
    void aFactoryFailingForADynamicNamespaceRefusesTheClient() {
        start(ServerOptions.builder().adapter(context -> {
            if (context.namespace().startsWith("/bad")) {
                throw new IllegalStateException("no adapter for " + context.namespace());
            }
            return Adapter.inMemory().create(context);
        }));
        server.namespaces(name -> true);
        try (WsClient ws = connect("40/bad-1,")) {
            assertThat(ws.nextText()).isEqualTo("44/bad-1,{\"message\":\"Invalid namespace\"}");
            ws.send("40/good,");
            assertThat(ws.nextText()).startsWith("40/good,{\"sid\"");
        }
    }

    @Test
    void anAdapterFailingOnDisconnectOrCloseDoesNotStopTheServer() throws Exception {
        start(ServerOptions.builder().adapter(context -> new RecordingAdapter(context) {
            @Override
            public synchronized void delAll(String socketId) {
                throw new IllegalStateException("delAll fails");
            }

            @Override
            public void close() {
                throw new IllegalStateException("close fails");
            }
        }));
        server.sockets().onConnection(s -> s.onDisconnect(seen::add));
        try (WsClient ws = connect("40")) {
            ws.nextText();
            ws.send("41");
            assertThat(seen()).isEqualTo(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
            assertThat(server.sockets().sockets()).isEmpty();
            ws.send("40");
            assertThat(ws.nextText()).startsWith("40{\"sid\"");
        }
        server.close();
        assertThat(server.engine().sessionCount()).isZero();
    }
}
