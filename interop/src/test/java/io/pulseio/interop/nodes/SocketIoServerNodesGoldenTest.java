package io.pulseio.interop.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.interop.NodeClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of the server nodes: a project hosts our server ({@code nodes/server_nodes.json}, on
 * 127.0.0.1:29022) and the official socket.io-client drives it ({@code fixtures/client.js}); the project's
 * output ({@code server_nodes.out}) and trace ({@code server_nodes.trace}) are compared, and so is what the
 * client saw.
 */
class SocketIoServerNodesGoldenTest {
    private static final String URL = "http://127.0.0.1:29022";

    @Test
    void theOfficialClientDrivesEveryServerNodeAndEvent() throws Exception {
        try (GoldenRun run = GoldenRun.start("server_nodes")) {
            run.awaitLine(line -> line.startsWith("listening on "));
            NodeClient.Result client = NodeClient.run(
                    URL,
                    Map.of("auth", Map.of("user", "ann")),
                    List.of(
                            Map.of("wait", "connect"),
                            Map.of("wait", "welcome"),
                            Map.of("emit", "ask", "args", List.of("q?"), "ack", true),
                            Map.of("emit", "shout", "args", List.of("hey")),
                            Map.of("wait", "shout"),
                            Map.of("emit", "all", "args", List.of()),
                            Map.of("wait", "news"),
                            Map.of("emit", "leave", "args", List.of()),
                            Map.of("sleep", 300),
                            Map.of("emit", "kick", "args", List.of()),
                            Map.of("wait", "disconnect")),
                    Duration.ofSeconds(20));

            assertThat(client.succeeded())
                    .as("client: " + client.lines() + client.stderr())
                    .isTrue();
            assertThat(args(client, "welcome")).containsExactly("[\"hello client\"]");
            assertThat(client.lines("ack"))
                    .extracting(l -> l.path("args").toString())
                    .containsExactly("[{\"answer\":42}]");
            assertThat(args(client, "shout"))
                    .as("nothing after leaving the room")
                    .containsExactly("[\"hey\"]");
            assertThat(args(client, "news")).containsExactly("[{\"n\":1}]");
            assertThat(client.lines("disconnect"))
                    .extracting(l -> l.path("reason").asText())
                    .containsExactly("io server disconnect");
            run.awaitExitAndCompare("nodes/server_nodes");
        }
    }

    private static List<String> args(NodeClient.Result client, String event) {
        return client.lines("event").stream()
                .filter(l -> l.path("name").asText().equals(event))
                .map(l -> l.path("args"))
                .map(JsonNode::toString)
                .toList();
    }
}
