package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A second CONNECT for a namespace the connection has joined, or is joining, closes the connection
 * as socket.io does ("invalid state"); a namespace refused may be asked for again.
 */
class DuplicateConnectTest {
    private SocketIoServer server;
    private final LinkedBlockingQueue<Object> disconnects = new LinkedBlockingQueue<>();

    @BeforeEach
    void create() {
        server = SocketIoServer.create(ServerOptions.builder().build());
        server.sockets().onConnection(s -> s.onDisconnect(disconnects::add));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The messages until the connection closes (bounded by the client's 5 s wait). */
    private static int messagesUntilClosed(WsClient ws) {
        int messages = 0;
        while (ws.next() != WsClient.CLOSED) {
            messages++;
        }
        return messages;
    }

    @Test
    void aSecondConnectForAJoinedNamespaceClosesTheConnection() throws Exception {
        int port = server.start();
        try (WsClient ws = WsClient.socketIo(port, "40")) {
            assertThat(ws.nextText()).startsWith("40{\"sid\":");
            ws.send("40");
            assertThat(messagesUntilClosed(ws)).as("no second CONNECT answer").isZero();
            assertThat(disconnects.poll(5, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.FORCED_SERVER_CLOSE);
        }
    }

    @Test
    void aSecondConnectWhileTheFirstIsInItsMiddlewaresClosesTheConnection() throws Exception {
        CompletableFuture<Void> admission = new CompletableFuture<>();
        LinkedBlockingQueue<ServerSocket> checked = new LinkedBlockingQueue<>();
        server.namespace("/slow").use(socket -> {
            checked.add(socket);
            return admission;
        });
        server.namespace("/slow").onConnection(s -> disconnects.add("admitted"));
        int port = server.start();
        try (WsClient ws = WsClient.socketIo(port, "40/slow,")) {
            assertThat(checked.poll(5, TimeUnit.SECONDS)).isNotNull();
            ws.send("40/slow,");
            assertThat(ws.next()).isSameAs(WsClient.CLOSED);
            admission.complete(null);
            // timed on purpose: the connection is gone, so no task of its loop can serve as a barrier
            assertThat(checked.poll(200, TimeUnit.MILLISECONDS))
                    .as("the second CONNECT ran no middleware")
                    .isNull();
            assertThat(disconnects.poll(200, TimeUnit.MILLISECONDS))
                    .as("nobody admitted")
                    .isNull();
        }
    }

    @Test
    void aNamespaceRefusedByItsMiddlewareMayBeAskedForAgain() throws Exception {
        int[] tries = {0};
        server.namespace("/door").use(Middleware.sync(socket -> {
            if (++tries[0] == 1) {
                throw new ConnectionRefusedException("not yet");
            }
        }));
        int port = server.start();
        try (WsClient ws = WsClient.socketIo(port, "40/door,")) {
            assertThat(ws.nextText()).isEqualTo("44/door,{\"message\":\"not yet\"}");
            ws.send("40/door,");
            assertThat(ws.nextText()).startsWith("40/door,{\"sid\":");
        }
    }
}
