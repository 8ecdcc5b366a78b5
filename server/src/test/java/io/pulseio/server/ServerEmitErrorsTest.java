package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Server-side emits that cannot go out: rejected at the call, or failed, never half-sent. */
class ServerEmitErrorsTest {
    private SocketIoServer server;
    private int port;
    private final LinkedBlockingQueue<ServerSocket> connected = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<DisconnectReason> disconnected = new LinkedBlockingQueue<>();

    /** A bean whose getter throws, so Jackson cannot turn it into JSON. */
    public static final class Unconvertible {
        public String getValue() {
            throw new IllegalStateException("getter fails");
        }
    }

    @BeforeEach
    void start() {
        server = SocketIoServer.create(
                ServerOptions.builder().host("127.0.0.1").port(0).build());
        server.sockets().onConnection(s -> {
            s.onDisconnect(disconnected::add);
            connected.add(s);
        });
        port = server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WsClient open() {
        WsClient ws = WsClient.socketIo(port, "40");
        assertThat(ws.nextText()).startsWith("40{\"sid\":");
        return ws;
    }

    private ServerSocket socket() throws InterruptedException {
        ServerSocket s = connected.poll(5, TimeUnit.SECONDS);
        assertThat(s).as("a connected server socket").isNotNull();
        return s;
    }

    @Test
    void badEmitsAreRejectedAtTheCallAndNothingIsSent() throws Exception {
        try (WsClient ws = open()) {
            ServerSocket s = socket();
            assertThatThrownBy(() -> s.emit(""))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("event name must not be empty");
            assertThatThrownBy(() -> s.emit("e", new Unconvertible()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("cannot convert " + Unconvertible.class.getName() + " to JSON: ");
            assertThatThrownBy(() -> s.emitWithAck(Duration.ZERO, "e"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("timeout must be positive, was PT0S");
            assertThatThrownBy(() -> s.emitWithAck(null, "e"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("timeout must be positive, was null");
            assertThatThrownBy(() -> s.emitWithAck(Duration.ofSeconds(1), "connect"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("'connect' is a reserved event name");
            assertThatThrownBy(() -> server.sockets().emitWithAck(Duration.ofMillis(-1), "e"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("timeout must be positive, was PT-0.001S");
            assertThatThrownBy(() -> server.sockets().to("a", null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("room must not be null");
            assertThatThrownBy(() -> server.sockets().except((String) null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("room must not be null");
            s.emit("ok", 1);
            assertThat(ws.nextText()).isEqualTo("42[\"ok\",1]");
        }
    }

    @Test
    void emitsAfterTheSocketLeftAreNotSentAndAcksFail() throws Exception {
        try (WsClient ws = open()) {
            ServerSocket s = socket();
            ws.send("41");
            assertThat(disconnected.poll(5, TimeUnit.SECONDS)).isEqualTo(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);

            s.emit("late", 1);
            s.emitVolatile("late-volatile", 2);
            var ack = s.emitWithAck(Duration.ofSeconds(5), "late-ack");
            assertThatThrownBy(() -> ack.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("socket " + s.id() + " is not connected");

            // The connection is still open: joining again is answered, and nothing of the above came first.
            ws.send("40");
            assertThat(ws.nextText()).startsWith("40{\"sid\":");
        }
    }
}
