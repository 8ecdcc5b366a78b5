package io.pulseio.nodes.socketio.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.client.EventLoops;
import io.pulseio.client.Transport;
import io.pulseio.logic.time.ManualScheduler;
import io.pulseio.nodes.socketio.internal.shared.QueueExecutor;
import io.pulseio.nodes.socketio.internal.shared.RecordingContext;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The waits behind Start's {@code started} and Stop's {@code stopped}: kept once per node, dropped by a Stop. */
class CompletionsTest {
    private final QueueExecutor logic = new QueueExecutor();
    private final RecordingContext context = new RecordingContext(logic, new ManualScheduler());
    private final EventLoops loops = EventLoops.create(1);
    private SocketIoServer server;
    private Connection connection;

    @AfterEach
    void tearDown() {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
        loops.close();
    }

    private Connection connection() {
        server = SocketIoServer.create(
                ServerOptions.builder().host("127.0.0.1").port(0).build());
        int port = server.start();
        var settings = new ConnectionSettings(
                "main",
                "http://127.0.0.1",
                port,
                ConnectionSettings.DEFAULT_PATH,
                List.of(Transport.WEBSOCKET),
                new ConnectionSettings.Reconnection(false, 0, 1000, 5000, 0),
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
        return connection;
    }

    @Test
    void aStopBeforeTheConnectionIsEstablishedDropsTheStartsWaitAndCompletesAtOnce() {
        Connection c = connection();
        List<String> done = new ArrayList<>();
        c.start();
        c.whenStarted("start", () -> done.add("started"));
        c.whenStopped("stop", reason -> done.add("stopped: " + reason));
        c.stop();
        assertThat(done).containsExactly("stopped: io client disconnect");

        logic.drain(Duration.ofMillis(300));
        assertThat(c.state()).isEqualTo(Connection.State.IDLE);
        assertThat(done).containsExactly("stopped: io client disconnect");
    }

    @Test
    void aNodeThatRunsTwiceWhileConnectingCompletesOnceAndAStopOfAStoppedConnectionAtOnce() {
        Connection c = connection();
        List<String> done = new ArrayList<>();
        c.whenStopped("idle", reason -> done.add("idle: " + reason));
        c.start();
        c.whenStarted("start", () -> done.add("first"));
        c.whenStarted("start", () -> done.add("second"));
        logic.runUntil(() -> c.state() == Connection.State.OPEN);
        logic.drain(Duration.ofMillis(100));
        assertThat(done).containsExactly("idle: io client disconnect", "second");
    }
}
