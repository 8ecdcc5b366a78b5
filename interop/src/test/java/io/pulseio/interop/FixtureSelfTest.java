package io.pulseio.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fixtures checked against each other (official client against official server), so that a
 * failing Java interop test points at our code, not at a fixture.
 */
class FixtureSelfTest {
    private static final Duration RUN = Duration.ofSeconds(20);

    @Test
    void officialClientSeesEveryFixtureBehaviour() throws Exception {
        try (NodeServer server = NodeServer.start()) {
            NodeClient.Result result = NodeClient.run(
                    server.url(),
                    Map.of(
                            "auth",
                            Map.of("user", "ann"),
                            "replies",
                            Map.of("question", List.of("answer", Map.of("$bin", "AQID")))),
                    List.of(
                            Map.of("wait", "connect"),
                            Map.of(
                                    "emit",
                                    "echo",
                                    "args",
                                    List.of(1, Map.of("file", Map.of("$bin", "AAEC"))),
                                    "ack",
                                    true),
                            Map.of(
                                    "emit",
                                    "ask",
                                    "args",
                                    List.of(Map.of("event", "question", "args", List.of(7))),
                                    "ack",
                                    true),
                            Map.of("open", "/private"),
                            Map.of("wait", "connect_error", "nsp", "/private"),
                            Map.of("open", "/chat"),
                            Map.of("wait", "connect", "nsp", "/chat"),
                            Map.of("emit", "disconnect-me", "nsp", "/chat"),
                            Map.of("wait", "disconnect", "nsp", "/chat")),
                    RUN);

            assertThat(result.succeeded())
                    .as("%s %s", result.lines(), result.stderr())
                    .isTrue();
            assertThat(event(result, "auth").path("args").get(0).path("user").asText())
                    .isEqualTo("ann");
            List<JsonNode> acks = result.lines("ack");
            assertThat(acks.get(0).path("args").toString()).isEqualTo("[1,{\"file\":{\"$bin\":\"AAEC\"}}]");
            assertThat(acks.get(1)
                            .path("args")
                            .get(0)
                            .path("buffers")
                            .get(0)
                            .path("hex")
                            .asText())
                    .isEqualTo("010203");
            JsonNode refused = result.lines("connect_error").get(0);
            assertThat(refused.path("message").asText()).isEqualTo("private namespace");
            assertThat(refused.path("data").path("code").asInt()).isEqualTo(403);
            assertThat(result.lines("disconnect").get(0).path("reason").asText())
                    .isEqualTo("io server disconnect");
            server.awaitEvent("disconnect", l -> l.path("reason").asText().equals("server namespace disconnect"), RUN);
        }
    }

    @Test
    void serverRestartsOnTheSamePortAndRecoveryReplaysMissedEvents() throws Exception {
        try (NodeServer server = NodeServer.start(NodeServer.options().connectionStateRecovery(true))) {
            int port = server.port();
            server.kill();
            server.restart();
            assertThat(server.port()).isEqualTo(port);
            assertThat(server.generation()).isEqualTo(2);

            NodeClient.Result result = NodeClient.run(
                    server.url(),
                    Map.of("reconnectionDelay", 50, "transports", List.of("websocket")),
                    List.of(
                            Map.of("wait", "connect"),
                            Map.of("wait", "auth"),
                            Map.of(
                                    "emit",
                                    "drop",
                                    "args",
                                    List.of(Map.of("missed", Map.of("event", "tick", "count", 2))),
                                    "ack",
                                    true),
                            Map.of("wait", "disconnect"),
                            Map.of("wait", "connect"),
                            Map.of("emit", "whoami", "ack", true)),
                    RUN);

            assertThat(result.succeeded())
                    .as("%s %s", result.lines(), result.stderr())
                    .isTrue();
            assertThat(result.lines("event").stream()
                            .filter(e -> e.path("name").asText().equals("tick")))
                    .extracting(e -> e.path("args").get(1).asText())
                    .containsExactly("tick-0", "tick-1");
            assertThat(result.lines("connect").get(1).path("recovered").asBoolean())
                    .isTrue();
        }
    }

    private static JsonNode event(NodeClient.Result result, String name) {
        return result.lines("event").stream()
                .filter(e -> e.path("name").asText().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
