package io.pulseio.interop;

import static io.pulseio.interop.Waits.WAIT;
import static io.pulseio.interop.Waits.await;
import static io.pulseio.interop.Waits.first;
import static io.pulseio.interop.Waits.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Connection state recovery with the server's option on: after a dropped connection the client
 * sends its pid and last offset, the server restores the session and replays what was missed;
 * offsets never show up among a listener's arguments.
 */
class ConnectionStateRecoveryTest {
    @RegisterExtension
    static final NodeServer server = NodeServer.perClass(NodeServer.options().connectionStateRecovery(true));

    @ParameterizedTest
    @EnumSource(Mode.class)
    void missedEventsAreReplayedAfterADroppedConnection(Mode mode) throws Exception {
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            Socket socket = client.socket("/");
            Timeline timeline = Timeline.of(socket).record(socket, "auth", "tick");
            socket.connect();
            timeline.await("connect", WAIT);
            String id = socket.id();
            assertThat(socket.recovered()).isFalse();

            // The server appends an offset to "auth"; the listener must not see it.
            assertThat(timeline.await("event:auth", WAIT).args())
                    .as("auth args")
                    .hasSize(1);
            assertThat(socket.lastOffset()).as("offset of the last event").isNotNull();

            await(socket.emitWithAck("drop", Map.of("missed", Map.of("event", "tick", "count", 3))));

            assertThat(timeline.await("disconnect", WAIT).text()).isEqualTo("transport close");
            timeline.awaitNth("connect", 2, WAIT);
            assertThat(socket.recovered())
                    .as("recovered flag; saw %s", timeline.summary())
                    .isTrue();
            assertThat(socket.id()).as("the restored session keeps its id").isEqualTo(id);
            List<Timeline.Entry> ticks = timeline.await("event:tick", 3, WAIT);
            assertThat(ticks)
                    .extracting(t -> json(t.args()))
                    .containsExactly("[0,\"tick-0\"]", "[1,\"tick-1\"]", "[2,\"tick-2\"]");
            assertThat(first(socket.emitWithAck("whoami")).path("recovered").asBoolean())
                    .isTrue();
            server.awaitEvent(
                    "connection",
                    c -> c.path("id").asText().equals(id) && c.path("recovered").asBoolean(),
                    WAIT);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aDirectEmitEndingWithAStringKeepsThatString(Mode mode) throws Exception {
        // With recovery on, the server appends its offset after the event's own last argument, which
        // may itself be a string: only the appended one may be taken away.
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            Socket socket = client.socket("/");
            Timeline timeline = Timeline.of(socket).record(socket, "echo-back");
            socket.connect();
            timeline.await("connect", WAIT);

            socket.emit("echo", "a", "b");

            assertThat(json(timeline.await("event:echo-back", WAIT).args())).isEqualTo("[\"a\",\"b\"]");
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anEventAskingForAnAckCarriesNoOffsetToStrip(Mode mode) throws Exception {
        // socket.io stores (and appends an offset to) only events without an ack: the last string of
        // an event that asks for an ack is the event's own.
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            Socket socket = client.socket("/");
            Timeline timeline = Timeline.of(socket);
            socket.on("question", (args, ack) -> {
                timeline.add("event:question", null, args);
                ack.send("ok");
            });
            socket.connect();
            timeline.await("connect", WAIT);

            socket.emit("ask", Map.of("event", "question", "args", List.of("x", "y")));

            assertThat(json(timeline.await("event:question", WAIT).args())).isEqualTo("[\"x\",\"y\"]");
        }
    }
}
