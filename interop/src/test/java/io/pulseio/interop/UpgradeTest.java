package io.pulseio.interop;

import static io.pulseio.interop.Waits.WAIT;
import static io.pulseio.interop.Waits.first;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import io.pulseio.client.Transport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Polling, then the probe and upgrade to WebSocket, with traffic flowing both ways meanwhile. */
class UpgradeTest {
    private static final int EVENTS = 300;

    @Test
    void theUpgradeLosesAndReordersNothing() throws Exception {
        try (NodeServer server = NodeServer.start();
                SocketIoClient client =
                        SocketIoClient.create(Mode.UPGRADE.options(server).build())) {
            Socket socket = client.socket("/");
            Timeline timeline = Timeline.of(socket).record(socket, "tick");
            Timeline clientTimeline = Timeline.of(client);
            socket.connect();
            timeline.await("connect", WAIT);
            // Server → client: one event every 2 ms, while the client probes and upgrades.
            socket.emit("stream", Map.of("event", "tick", "count", EVENTS, "intervalMs", 2));
            // Client → server: a stream of numbered events started on polling.
            for (int seq = 0; seq < EVENTS; seq++) {
                socket.emit("tally", seq, "u");
            }

            clientTimeline.await("transport", "websocket", WAIT);
            assertThat(client.transport()).isEqualTo(Transport.WEBSOCKET);
            server.awaitEvent(
                    "engine-upgrade", e -> e.path("transport").asText().equals("websocket"), WAIT);
            JsonNode tally = first(socket.emitWithAck("tally-report"));
            assertThat(tally.path("count").asInt()).as("%s", tally).isEqualTo(EVENTS);
            assertThat(tally.path("inOrder").asBoolean()).as("%s", tally).isTrue();
            List<Timeline.Entry> ticks = timeline.await("event:tick", EVENTS, WAIT);
            assertThat(ticks)
                    .extracting(t -> t.arg(0).asInt())
                    .containsExactlyElementsOf(
                            java.util.stream.IntStream.range(0, EVENTS).boxed().toList());
            assertThat(timeline.all("disconnect")).isEmpty();
        }
    }
}
