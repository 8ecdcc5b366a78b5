package io.pulseio.nodes.socketio.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.client.EventLoops;
import io.pulseio.client.Transport;
import io.pulseio.logic.time.ManualScheduler;
import io.pulseio.nodes.socketio.internal.shared.QueueExecutor;
import io.pulseio.nodes.socketio.internal.shared.RecordingContext;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Send With Ack against a local server that answers {@code ask} with {@code "yes"}. */
class ConnectionAckTest {
    private final QueueExecutor logic = new QueueExecutor();
    private final RecordingContext context = new RecordingContext(logic, new ManualScheduler());
    private final EventLoops loops = EventLoops.create(1);
    private final SocketIoServer server = SocketIoServer.create(
            ServerOptions.builder().host("127.0.0.1").port(0).build());
    private Connection connection;

    @AfterEach
    void tearDown() {
        if (connection != null) {
            connection.close();
        }
        server.close();
        loops.close();
    }

    private Connection startedConnection() {
        server.sockets().onConnection(socket -> socket.on("ask", (args, ack) -> ack.send("yes")));
        int port = server.start();
        var settings = new ConnectionSettings(
                "main",
                "http://127.0.0.1",
                port,
                ConnectionSettings.DEFAULT_PATH,
                List.of(Transport.WEBSOCKET),
                ConnectionSettings.Reconnection.DEFAULT,
                5000,
                5000,
                null,
                Map.of(),
                Map.of(),
                null,
                null,
                null,
                false,
                100);
        connection = new Connection(
                settings, logic, new ManualScheduler(), () -> loops, new ConnectionListeners(context, "main"));
        connection.start();
        logic.runUntil(() -> connection.state() == Connection.State.OPEN);
        return connection;
    }

    @Test
    void aReplyThatFailsIsAnErrorEvent() {
        Connection c = startedConnection();
        c.sendWithAck(
                "/",
                "ask",
                new Object[0],
                0,
                text -> {
                    throw new IllegalStateException("the reply broke on " + text);
                },
                (waited, failure) -> SendWithAckNode.failed(c.listeners(), "/", "ask", waited, failure));
        logic.runUntil(() -> !context.fired("onError").isEmpty());

        assertThat(context.fired("onError"))
                .singleElement()
                .asString()
                .contains("reason=node failure")
                .contains("the reply broke on yes");
    }
}
