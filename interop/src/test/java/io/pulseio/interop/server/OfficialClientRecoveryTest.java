package io.pulseio.interop.server;

import static io.pulseio.interop.server.OfficialClient.acks;
import static io.pulseio.interop.server.OfficialClient.events;
import static io.pulseio.interop.server.OfficialClient.steps;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.interop.NodeClient;
import io.pulseio.server.ServerOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Connection state recovery on our server: the official client loses its transport, events are
 * sent to its room meanwhile, and when it reconnects {@code socket.recovered} is true, its id and
 * rooms are kept, and the missed events arrive in order (without the offset our server appends).
 */
class OfficialClientRecoveryTest {
    @RegisterExtension
    static final TestServer server =
            TestServer.perClass(ServerOptions.builder().connectionStateRecovery(Duration.ofSeconds(30)));

    @ParameterizedTest
    @EnumSource(ClientMode.class)
    void theClientRecoversItsSessionAndGetsTheEventsItMissed(ClientMode mode) throws Exception {
        NodeClient.Result result = OfficialClient.run(
                server.url(),
                mode.nodeOptions(Map.of("auth", Map.of("user", "ann"))),
                steps().waitFor("connect")
                        .waitFor("auth")
                        .emitWithAck("join", "news")
                        .emitWithAck("drop", Map.of("missed", Map.of("room", "news", "event", "tick", "count", 3)))
                        .step("wait", "disconnect", "timeoutMs", 10000)
                        .step("wait", "connect", "timeoutMs", 10000)
                        .step("wait", "tick", "timeoutMs", 10000)
                        .step("wait", "tick", "timeoutMs", 10000)
                        .step("wait", "tick", "timeoutMs", 10000)
                        .emitWithAck("whoami"));

        List<JsonNode> connects = result.lines("connect");
        assertThat(connects).hasSize(2);
        assertThat(connects.get(0).path("recovered").asBoolean()).isFalse();
        assertThat(connects.get(1).path("recovered").asBoolean())
                .as("%s", result.lines())
                .isTrue();
        assertThat(connects.get(1).path("id").asText())
                .isEqualTo(connects.get(0).path("id").asText());
        List<JsonNode> ticks = events(result, "tick");
        assertThat(ticks)
                .extracting(e -> e.path("args").path(0).asInt() + " "
                        + e.path("args").path(1).asText())
                .containsExactly("0 tick-0", "1 tick-1", "2 tick-2");
        // socket.io-client leaves the offset in the arguments (it only remembers the last one).
        assertThat(ticks)
                .allSatisfy(e -> assertThat(e.path("args").path(2).isTextual()).isTrue());
        assertThat(ticks).extracting(e -> e.path("args").path(2).asText()).doesNotHaveDuplicates();
        JsonNode me = acks(result, "/", "whoami").get(0).path(0);
        assertThat(me.path("recovered").asBoolean()).isTrue();
        assertThat(me.path("rooms").toString()).isEqualTo("[\"news\"]");
        // As socket.io does, the connection listeners see the recovered socket too (its auth now holds pid and offset).
        assertThat(events(result, "auth"))
                .extracting(e -> e.path("args").path(0).path("user").asText())
                .containsExactly("ann", "ann");
    }
}
