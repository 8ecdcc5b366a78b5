package io.pulseio.nodes.socketio.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.client.EventLoops;
import io.pulseio.client.Transport;
import io.pulseio.logic.time.ManualScheduler;
import io.pulseio.nodes.socketio.internal.shared.QueueExecutor;
import io.pulseio.nodes.socketio.internal.shared.RecordingContext;
import io.pulseio.server.EngineSocket;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Node calls that land between two callbacks of the client: the logic executor is a queue the test runs by
 * hand, so a Stop or Start can be placed exactly where a network thread could put it.
 */
class ConnectionRacesTest {
    private final QueueExecutor logic = new QueueExecutor();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingContext context = new RecordingContext(logic, scheduler);
    private final List<EngineSocket> sessions = new CopyOnWriteArrayList<>();
    private EventLoops loops;
    private SocketIoServer server;
    private Connection connection;

    @BeforeEach
    void setUp() {
        loops = EventLoops.create(1);
    }

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

    /** A local server with {@code /chat}; the engine sessions it opens are kept so that a test can cut them. */
    private int startServer() {
        server = SocketIoServer.create(
                ServerOptions.builder().host("127.0.0.1").port(0).build());
        server.engine().onConnection(sessions::add);
        server.namespace("/chat");
        return server.start();
    }

    private Connection connection(int port, boolean reconnection) {
        var again = new ConnectionSettings.Reconnection(reconnection, Integer.MAX_VALUE, 1000, 5000, 0);
        var settings = new ConnectionSettings(
                "main",
                "http://127.0.0.1",
                port,
                ConnectionSettings.DEFAULT_PATH,
                List.of(Transport.WEBSOCKET),
                again,
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
        connection = new Connection(settings, logic, scheduler, () -> loops, new ConnectionListeners(context, "main"));
        return connection;
    }

    private void startAndAwaitOpen(Connection c) {
        c.start();
        logic.runUntil(() -> c.state() == Connection.State.OPEN);
    }

    @Test
    void aStopBetweenTheCloseAndTheDisconnectOfALostConnectionStillStops() {
        Connection c = connection(startServer(), true);
        startAndAwaitOpen(c);

        sessions.get(0).close(); // the server cuts the connection: onClose, then onDisconnect of /
        logic.runUntil(() -> context.states().stream().anyMatch(s -> s.startsWith("closed ")));
        c.stop();
        logic.drain(Duration.ofMillis(300));

        assertThat(c.state()).isEqualTo(Connection.State.IDLE);
        assertThat(context.fired("onStop")).containsExactly("socketio.onStop {reason=transport close}");
        assertThat(context.fired("onError")).isEmpty();
    }

    @Test
    void aStartDuringSuchAStopStartsAgain() {
        Connection c = connection(startServer(), true);
        startAndAwaitOpen(c);

        sessions.get(0).close();
        logic.runUntil(() -> context.states().stream().anyMatch(s -> s.startsWith("closed ")));
        c.stop();
        c.start();
        logic.runUntil(() -> c.state() == Connection.State.OPEN);

        assertThat(context.fired("onStop")).hasSize(1);
        assertThat(context.fired("onStart")).hasSize(2);
    }

    /** A port nothing listens on: connecting is refused at once. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aConnectErrorOfAnAttemptGivenUpDoesNotEndTheNextStart() throws IOException {
        Connection c = connection(closedPort(), false);
        c.start();
        logic.awaitQueued(1); // the refused connection's connect error, not run yet
        settle();
        int stale = logic.queued();
        c.stop();
        c.start();
        logic.run(stale);

        assertThat(c.state()).isEqualTo(Connection.State.CONNECTING);
        assertThat(context.fired("onError")).isEmpty();

        logic.runUntil(() -> c.state() == Connection.State.IDLE); // the new attempt fails in its turn
        assertThat(context.fired("onError")).hasSize(1);
    }

    @Test
    void aJoinOfAnAttemptGivenUpDoesNotStartTheNextOneEarly() {
        Connection c = connection(startServer(), true);
        c.start();
        logic.awaitQueued(2); // onOpen and the join of /, not run yet
        settle();
        int stale = logic.queued();
        c.stop();
        c.start();
        logic.run(stale);

        assertThat(c.state()).isEqualTo(Connection.State.CONNECTING);
        assertThat(context.fired("onStart")).isEmpty();

        logic.runUntil(() -> c.state() == Connection.State.OPEN);
        assertThat(context.fired("onStart")).hasSize(1);
        assertThat(context.fired("onStop")).isEmpty();
    }

    /** Lets callbacks still on their way reach the queue. */
    private static void settle() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aLeaveTimerCalledOffTooLateDoesNotCutShortTheNextOne() {
        Connection c = connection(startServer(), true);
        startAndAwaitOpen(c);
        c.subscribe("/chat", "news");
        logic.runUntil(() -> context.fired("onSubscribe").size() == 1);

        c.unsubscribe("/chat", "news");
        scheduler.advance(Namespace.LEAVE_DELAY_MILLIS); // its timer posts the leave...
        c.subscribe("/chat", "news"); // ...which this Subscribe, running first, comes too late to call off
        c.unsubscribe("/chat", "news"); // a new grace period starts
        logic.run(logic.queued());

        assertThat(context.states()).doesNotContain("left /chat");

        scheduler.advance(Namespace.LEAVE_DELAY_MILLIS);
        logic.runUntil(() -> context.states().contains("left /chat"));
    }
}
