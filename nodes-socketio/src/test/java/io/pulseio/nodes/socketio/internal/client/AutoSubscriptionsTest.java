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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The subscriptions of On Receive nodes with {@code subscribe}: made at each Start of their connection
 * (On Subscribe once joined, once per pair), and {@code *}, which receives every event once with its name.
 */
class AutoSubscriptionsTest {
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

    /** A local server that greets each client of / with news and of /chat with two events. */
    private Connection connection(List<AutoSubscriptions.Pair> pairs) {
        server = SocketIoServer.create(
                ServerOptions.builder().host("127.0.0.1").port(0).build());
        server.namespace("/").onConnection(s -> s.emit("news", "markets up"));
        server.namespace("/chat").onConnection(s -> {
            s.emit("message", "hi");
            s.emit("alert", 1, true);
        });
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
                settings, logic, new ManualScheduler(), () -> loops, new ConnectionListeners(context, "main"), pairs);
        return connection;
    }

    private void startAndAwait(Connection c, int receptions) {
        c.start();
        logic.runUntil(() ->
                c.state() == Connection.State.OPEN && context.fired("onReceive").size() >= receptions);
    }

    @Test
    void eachPairIsSubscribedAtStartAndEveryEventOfStarArrivesOnceWithItsName() {
        Connection c = connection(List.of(
                new AutoSubscriptions.Pair("/", "news"),
                new AutoSubscriptions.Pair("/chat", "*"),
                new AutoSubscriptions.Pair("/chat", "message")));
        startAndAwait(c, 3);
        logic.drain(Duration.ofMillis(200));

        assertThat(context.fired("onSubscribe"))
                .containsExactlyInAnyOrder(
                        "socketio.onSubscribe {eventName=news, namespace=/}",
                        "socketio.onSubscribe {eventName=*, namespace=/chat}",
                        "socketio.onSubscribe {eventName=message, namespace=/chat}");
        assertThat(context.fired("onReceive"))
                .containsExactlyInAnyOrder(
                        "socketio.onReceive {message=markets up, namespace=/, triggerName=news}",
                        "socketio.onReceive {message=hi, namespace=/chat, triggerName=message}",
                        "socketio.onReceive {message=[1,true], namespace=/chat, triggerName=alert}");
    }

    @Test
    void aStartFindingThePairSubscribedAddsNothingAndOneAfterAnUnsubscribeSubscribesAgain() {
        Connection c = connection(List.of(new AutoSubscriptions.Pair("/", "news")));
        startAndAwait(c, 1);
        c.stop();
        logic.runUntil(() -> c.state() == Connection.State.IDLE);
        startAndAwait(c, 2);
        assertThat(context.fired("onSubscribe")).hasSize(1);

        c.unsubscribe("/", "news");
        c.stop();
        logic.runUntil(() -> c.state() == Connection.State.IDLE);
        startAndAwait(c, 3);
        assertThat(context.fired("onSubscribe")).hasSize(2);
        assertThat(context.fired("onReceive")).hasSize(3);
    }
}
