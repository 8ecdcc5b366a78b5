package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ServerObserver}: what a server reports of its sessions, messages, rooms and events. */
class ServerObserverTest {
    private SocketIoServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<String> closed = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private final class Recorder implements ServerObserver {
        @Override
        public void namespaceCreated(Namespace namespace) {
            seen.add("namespace " + namespace.name());
        }

        @Override
        public void sessionOpened(EngineSocket session) {
            seen.add("open " + session.transport().wireName());
        }

        @Override
        public void sessionClosed(EngineSocket session, DisconnectReason reason) {
            seen.add("close " + reason);
            closed.add(reason.reason());
        }

        @Override
        public void messageReceived(EngineSocket session, int bytes) {
            seen.add("in " + bytes);
        }

        @Override
        public void messageSent(EngineSocket session, int bytes) {
            seen.add("out " + bytes);
        }

        @Override
        public void roomJoined(Namespace namespace, String room, String socketId) {
            seen.add("join " + namespace.name() + " " + (room.equals(socketId) ? "(own)" : room));
        }

        @Override
        public void roomLeft(Namespace namespace, String room, String socketId) {
            seen.add("leave " + namespace.name() + " " + (room.equals(socketId) ? "(own)" : room));
        }

        @Override
        public void eventSent(ServerSocket socket, String event, List<JsonNode> args) {
            seen.add("event " + socket.namespace().name() + " " + event + " " + args);
        }
    }

    @Test
    void reportsNamespacesSessionsMessagesRoomsAndEventsSent() throws Exception {
        server = SocketIoServer.create(
                ServerOptions.builder().port(0).ioThreads(1).build());
        server.namespace("/chat");
        server.sockets()
                .onConnection(s -> s.on("go", (args, ack) -> {
                    s.join("a");
                    s.emit("hi", 1);
                    server.sockets().to("a").emit("all", "x");
                    s.leave("a");
                }));
        server.observe(new ServerObserver() {
            @Override
            public void messageReceived(EngineSocket session, int bytes) {
                throw new IllegalStateException("an observer that fails hurts no other");
            }
        });
        Subscription sub = server.observe(new Recorder());
        assertThat(seen).containsExactlyInAnyOrder("namespace /", "namespace /chat");
        server.namespace("/new");
        assertThat(seen).endsWith("namespace /new");

        // sizes are those of the Engine.IO message's data: "0" (CONNECT), 2["go","é"] (é is 2 bytes)
        int port = server.start();
        try (WsClient ws = WsClient.socketIo(port, "40")) {
            assertThat(ws.nextText()).startsWith("40{\"sid\"");
            ws.send("42[\"go\",\"é\"]");
            assertThat(ws.nextText()).isEqualTo("42[\"hi\",1]");
            assertThat(ws.nextText()).isEqualTo("42[\"all\",\"x\"]");
        }
        assertThat(closed.poll(5, TimeUnit.SECONDS)).isEqualTo("transport close");
        assertThat(seen)
                .containsSubsequence(
                        "open websocket",
                        "in 1",
                        "join / (own)",
                        "out 31",
                        "in 12",
                        "join / a",
                        "event / hi [1]",
                        "out 9",
                        "event / all [\"x\"]",
                        "out 12",
                        "leave / a",
                        "leave / (own)",
                        "close transport close");

        sub.close();
        seen.clear();
        try (WsClient ws = WsClient.socketIo(port, "40")) {
            assertThat(ws.nextText()).startsWith("40{\"sid\"");
        }
        assertThat(seen).isEmpty();
    }
}
