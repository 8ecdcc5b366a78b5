package io.pulseio.interop.server;

import static io.pulseio.interop.server.OfficialClient.ack;
import static io.pulseio.interop.server.OfficialClient.events;
import static io.pulseio.interop.server.OfficialClient.steps;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.interop.NodeClient;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The official client upgrades from polling to WebSocket while events flow both ways: nothing is
 * lost or reordered across the upgrade, and the server sees the socket on WebSocket afterwards.
 */
class OfficialClientUpgradeTest {
    private static final int COUNT = 40;

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void eventsInBothDirectionsKeepTheirOrderAcrossTheUpgrade() throws Exception {
        OfficialClient.Steps steps = steps().waitFor("connect");
        for (int i = 0; i < COUNT; i++) {
            steps.step("emit", "record", "args", List.of(i));
        }
        steps.emitWithAck("stream", Map.of("event", "tick", "count", COUNT, "intervalMs", 5))
                .waitFor("upgrade")
                .emitWithAck("records")
                .emitWithAck("whoami");

        NodeClient.Result result = OfficialClient.run(server.url(), ClientMode.UPGRADE.nodeOptions(), steps);

        List<Integer> expected = IntStream.range(0, COUNT).boxed().toList();
        assertThat(ack(result, "records")).extracting(JsonNode::asInt).containsExactlyElementsOf(expected);
        assertThat(events(result, "tick"))
                .extracting(e -> e.path("args").path(0).asInt())
                .containsExactlyElementsOf(expected);
        assertThat(result.lines("upgrade"))
                .extracting(l -> l.path("transport").asText())
                .containsExactly("websocket");
        assertThat(ack(result, "whoami").path("transport").asText()).isEqualTo("websocket");
    }
}
