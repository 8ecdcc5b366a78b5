package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.server.internal.socket.SocketIoServerImpl;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Memory a client could pin on the server: binary packets that never get their attachments, and
 * namespaces made for every name a client asks for. Raw clients attack; a normal client is
 * served during and after.
 */
class PinnedMemoryTest {
    private SocketIoServer server;
    private int port;
    private final LinkedBlockingQueue<DisconnectReason> closedSessions = new LinkedBlockingQueue<>();

    private void start(ServerOptions.Builder options) {
        server = SocketIoServer.create(options.host("127.0.0.1").ioThreads(2).build());
        server.observe(new ServerObserver() {
            @Override
            public void sessionClosed(EngineSocket session, DisconnectReason reason) {
                closedSessions.add(reason);
            }
        });
        server.sockets()
                .onConnection(socket -> socket.on(
                        "up",
                        (args, ack) -> socket.emit(
                                "got",
                                args.get(0).isBinary()
                                        ? ((com.fasterxml.jackson.databind.node.BinaryNode) args.get(0))
                                                .binaryValue()
                                                .length
                                        : -1)));
        port = server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String binaryEvent(int attachments) {
        StringBuilder s = new StringBuilder("45" + attachments + "-[\"up\"");
        for (int i = 0; i < attachments; i++) {
            s.append(",{\"_placeholder\":true,\"num\":").append(i).append('}');
        }
        return s.append(']').toString();
    }

    private void assertServed() {
        try (WsClient ws = WsClient.socketIo(port, "40")) {
            assertThat(ws.nextText()).startsWith("40{\"sid\"");
            ws.send(binaryEvent(1));
            ws.send(new byte[1000]);
            assertThat(ws.nextText()).isEqualTo("42[\"got\",1000]");
        }
    }

    private static WsClient joined(int port) {
        WsClient ws = WsClient.socketIo(port, "40");
        assertThat(ws.nextText()).startsWith("40{\"sid\"");
        return ws;
    }

    @Test
    void aPacketAnnouncingMoreThanMaxAttachmentsClosesTheConnection() {
        start(ServerOptions.builder());
        try (WsClient attacker = joined(port)) {
            attacker.send(binaryEvent(11));
            assertThat(attacker.next()).isSameAs(WsClient.CLOSED);
        }
        try (WsClient ten = joined(port)) {
            ten.send(binaryEvent(10));
            for (int i = 0; i < 10; i++) {
                ten.send(new byte[10]);
            }
            assertThat(ten.nextText()).isEqualTo("42[\"got\",10]");
        }
        assertServed();
    }

    @Test
    void pendingAttachmentsOverMaxAttachmentBytesCloseTheConnection() {
        start(ServerOptions.builder().maxAttachmentBytes(5000));
        try (WsClient attacker = joined(port)) {
            attacker.send(binaryEvent(3));
            attacker.send(new byte[3000]);
            assertServed();
            attacker.send(new byte[3000]);
            assertThat(attacker.next()).isSameAs(WsClient.CLOSED);
        }
        assertServed();
    }

    @Test
    void attachmentsWithinTheBoundAreDeliveredAndTheCountStartsAgainPerPacket() {
        start(ServerOptions.builder().maxAttachmentBytes(5000));
        try (WsClient ws = joined(port)) {
            for (int round = 0; round < 3; round++) {
                ws.send(binaryEvent(2));
                ws.send(new byte[4000]);
                ws.send(new byte[100_000]); // the last one completes the packet: never pending
                assertThat(ws.nextText()).isEqualTo("42[\"got\",4000]");
            }
        }
    }

    @Test
    void aPacketWaitingForItsAttachmentsPastTheTimeoutClosesTheConnection() throws Exception {
        start(ServerOptions.builder().attachmentTimeout(Duration.ofMillis(300)).pingInterval(Duration.ofMillis(100)));
        try (WsClient attacker = joined(port)) {
            attacker.send(binaryEvent(2));
            attacker.send(new byte[10]);
            assertServed();
            assertThat(attacker.next()).isSameAs(WsClient.CLOSED);
        }
        assertServed();
    }

    @Test
    void overLongNamespaceNamesAreRefusedAndNotKept() {
        start(ServerOptions.builder().maxNamespaceLength(20));
        server.namespaces(name -> true);
        String name = "/" + "n".repeat(19);
        try (WsClient ws = joined(port)) {
            ws.send("40" + name + "x,");
            assertThat(ws.nextText()).isEqualTo("44" + name + "x,{\"message\":\"Invalid namespace\"}");
            assertThat(namespaces()).isEqualTo(1);
            ws.send("40" + name + ",");
            assertThat(ws.nextText()).startsWith("40" + name + ",{\"sid\"");
        }
        assertServed();
    }

    @Test
    void thousandsOfDynamicNamespacesJoinedAndLeftLeaveNoneBehind() throws Exception {
        start(ServerOptions.builder());
        Namespace dynamic = server.namespaces(name -> name.startsWith("/n-"));
        dynamic.use(Middleware.sync(socket -> {
            if (socket.namespace().name().endsWith("-deny")) {
                throw new ConnectionRefusedException("no", null);
            }
        }));
        try (WsClient ws = joined(port)) {
            for (int i = 0; i < 5000; i++) {
                String nsp = "/n-" + i + (i % 3 == 1 ? "-deny" : "");
                ws.send("40" + nsp + ",");
                String reply = ws.nextText();
                if (i % 3 == 1) {
                    assertThat(reply).startsWith("44" + nsp + ",");
                } else {
                    assertThat(reply).startsWith("40" + nsp + ",{\"sid\"");
                }
                if (i % 3 == 0) {
                    ws.send("41" + nsp + ",");
                }
            }
            assertThat(namespaces()).as("those still connected").isBetween(1 + 1666, 1 + 1668);
        }
        awaitNamespaces(1);
        assertServed();
    }

    @Test
    void withoutCleanupChildNamespacesAreKept() throws Exception {
        start(ServerOptions.builder().cleanupEmptyChildNamespaces(false));
        server.namespaces(name -> name.startsWith("/n-"));
        try (WsClient ws = joined(port)) {
            for (int i = 0; i < 10; i++) {
                ws.send("40/n-" + i + ",");
                assertThat(ws.nextText()).startsWith("40/n-" + i + ",{\"sid\"");
                ws.send("41/n-" + i + ",");
            }
            // a barrier: the connection's packets are read in order, and a namespace is released as its
            // DISCONNECT is read; once this CONNECT is answered, every leave above has been handled
            ws.send("40/n-0,");
            assertThat(ws.nextText()).startsWith("40/n-0,{\"sid\"");
            assertThat(namespaces()).isEqualTo(11);
        }
        awaitClosed(); // the connection's close released what it still had: the count must not fall
        assertThat(namespaces()).isEqualTo(11);
    }

    @Test
    void aRemovedChildNamespaceIsMadeAgainWithItsParentsListeners() throws Exception {
        start(ServerOptions.builder());
        Namespace dynamic = server.namespaces(name -> name.startsWith("/n-"));
        dynamic.onConnection(socket -> socket.emit("hello", socket.namespace().name()));
        for (int round = 0; round < 2; round++) {
            try (WsClient ws = joined(port)) {
                ws.send("40/n-a,");
                assertThat(ws.nextText()).startsWith("40/n-a,{\"sid\"");
                assertThat(ws.nextText()).isEqualTo("42/n-a,[\"hello\",\"/n-a\"]");
            }
            awaitNamespaces(1);
        }
    }

    @Test
    void findNamespaceReachesALiveChildAndNeverMakesOne() throws Exception {
        start(ServerOptions.builder());
        Namespace dynamic = server.namespaces(name -> name.startsWith("/n-"));
        dynamic.onConnection(socket -> socket.emit("hello", socket.namespace().name()));
        assertThat(server.findNamespace("/n-a")).isEmpty();
        try (WsClient ws = joined(port)) {
            ws.send("40/n-a,");
            assertThat(ws.nextText()).startsWith("40/n-a,{\"sid\"");
            assertThat(ws.nextText()).isEqualTo("42/n-a,[\"hello\",\"/n-a\"]");
            server.findNamespace("n-a").orElseThrow().emit("news", 1); // as an application broadcasting by name does
            assertThat(ws.nextText()).isEqualTo("42/n-a,[\"news\",1]");
        }
        awaitNamespaces(1);
        assertThat(server.findNamespace("/n-a")).isEmpty();
        try (WsClient ws = joined(port)) {
            ws.send("40/n-a,");
            assertThat(ws.nextText()).startsWith("40/n-a,{\"sid\"");
            assertThat(ws.nextText()).isEqualTo("42/n-a,[\"hello\",\"/n-a\"]");
        }
        awaitNamespaces(1);
    }

    @Test
    void aFixedNamespaceTakesItsNameFromADynamicOneAndOutlivesItsClients() throws Exception {
        start(ServerOptions.builder());
        server.namespaces(name -> true).onConnection(socket -> socket.emit("from", "dynamic"));
        server.namespace("/own").onConnection(socket -> socket.emit("from", "own"));
        for (int round = 0; round < 2; round++) {
            try (WsClient ws = joined(port)) {
                ws.send("40/own,");
                assertThat(ws.nextText()).startsWith("40/own,{\"sid\"");
                assertThat(ws.nextText()).isEqualTo("42/own,[\"from\",\"own\"]");
            }
            awaitClosed(); // its namespaces are released by then: a fixed one is never removed
            assertThat(server.findNamespace("/own")).isPresent();
        }
    }

    /**
     * Waits (5 s at most) until the server has reported the close of a session since the last call:
     * by then its connection has released every namespace it held.
     */
    private void awaitClosed() throws InterruptedException {
        assertThat(closedSessions.poll(5, TimeUnit.SECONDS))
                .as("a session closed")
                .isNotNull();
    }

    private int namespaces() {
        return ((SocketIoServerImpl) server).namespaceCount();
    }

    /** Waits (5 s at most) until the server keeps {@code count} namespaces. */
    private void awaitNamespaces(int count) throws InterruptedException {
        for (int i = 0; i < 500 && namespaces() != count; i++) {
            Thread.sleep(10);
        }
        assertThat(namespaces()).isEqualTo(count);
    }
}
