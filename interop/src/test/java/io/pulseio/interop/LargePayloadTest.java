package io.pulseio.interop;

import static io.pulseio.interop.Waits.WAIT;
import static io.pulseio.interop.Waits.first;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many emits whose total is far above the server's {@code maxHttpBufferSize}: a polling client
 * must split its POSTs by the handshake's {@code maxPayload} (the server answers 413 and drops
 * the session otherwise), and keep their order, also across the upgrade.
 */
class LargePayloadTest {
    private static final int MAX_PAYLOAD = 10_000;
    private static final int EVENTS = 200;
    private static final int EVENT_SIZE = 1_000;

    @RegisterExtension
    static final NodeServer server = NodeServer.perClass(NodeServer.options().maxHttpBufferSize(MAX_PAYLOAD));

    @ParameterizedTest
    @EnumSource(Mode.class)
    void manyEmitsAboveMaxPayloadAllArriveInOrder(Mode mode) throws Exception {
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            Socket socket = client.socket("/");
            Timeline timeline = Timeline.of(socket);
            String payload = "p".repeat(EVENT_SIZE);
            // Half of them wait in the send buffer for the CONNECT, half go out right after it, while
            // the connection may be upgrading.
            for (int seq = 0; seq < EVENTS / 2; seq++) {
                socket.emit("tally", seq, payload);
            }
            socket.connect();
            timeline.await("connect", WAIT);
            for (int seq = EVENTS / 2; seq < EVENTS; seq++) {
                socket.emit("tally", seq, payload);
            }

            JsonNode tally = first(socket.emitWithAck("tally-report"));
            String sid = first(socket.emitWithAck("whoami")).path("sid").asText();

            assertThat(tally.path("count").asInt())
                    .as("%s; client saw %s", tally, timeline.summary())
                    .isEqualTo(EVENTS);
            assertThat(tally.path("inOrder").asBoolean()).as("%s", tally).isTrue();
            assertThat(tally.path("bytes").asLong()).isEqualTo((long) EVENTS * EVENT_SIZE);
            assertThat(timeline.all("disconnect")).isEmpty();
            assertThat(server.events().stream()
                            .filter(e -> e.path("sid").asText().equals(sid)))
                    .as("the server refused nothing (no 413) and kept the session")
                    .noneMatch(e -> e.path("ev").asText().equals("http-error"))
                    .noneMatch(e -> e.path("ev").asText().equals("engine-close"));
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aServerEventLargerThanMaxPayloadArrivesWhole(Mode mode) throws Exception {
        int size = 200_000; // maxPayload limits what the server accepts, not what it sends
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            Socket socket = client.socket("/");
            Timeline timeline = Timeline.of(socket).record(socket, "large");
            socket.connect();
            timeline.await("connect", WAIT);

            socket.emit("large", java.util.Map.of("size", size));

            JsonNode large = timeline.await("event:large", WAIT).arg(0);
            String text = large.asText();
            assertThat(text.length()).isEqualTo(size);
            assertThat(text.chars().allMatch(c -> c == 'x')).isTrue();
        }
    }
}
