package io.pulseio.interop.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.interop.NodeClient;
import io.pulseio.interop.NodeServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Order is exact, through the project runtime, over each transport: everything one connection receives
 * reaches the logic in the order it arrived ({@code nodes/ack_order.json}: a server that acks and then
 * emits), and what the logic answers and emits on a hosted server reaches the official client in the order
 * the logic issued it ({@code nodes/server_order.json}).
 */
class OrderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROUNDS = 300;

    @RegisterExtension
    static final NodeServer server = NodeServer.perClass();

    /** The transports setting of a connection, by the test's name for it. */
    private static List<String> transports(String mode) {
        return switch (mode) {
            case "polling" -> List.of("polling");
            case "websocket" -> List.of("websocket");
            default -> List.of("polling", "websocket");
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"polling", "websocket", "upgrade"})
    void everyAckReplyRunsBeforeTheEventTheServerEmittedAfterIt(String mode) throws Exception {
        ObjectNode project = (ObjectNode) JSON.readTree(GoldenRun.text("nodes/ack_order.json"));
        ObjectNode connection = (ObjectNode) project.at("/settings/socketio/connections/0");
        connection.set("transports", JSON.valueToTree(transports(mode)));
        try (GoldenRun run = GoldenRun.startJson("ack_order " + mode, project.toString(), server)) {
            int exit = run.run.awaitExit(Duration.ofSeconds(60));
            List<String> lines = run.output();
            assertThat(exit).as("exit; printed: " + tail(lines)).isZero();
            assertThat(inversions(lines, "reply ", "event "))
                    .as("rounds whose event ran before its reply")
                    .isEqualTo(0);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                expected.add("reply " + i);
                expected.add("event " + i);
            }
            assertThat(lines).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"polling", "websocket", "upgrade"})
    void theOfficialClientSeesEachAnswerBeforeTheEventTheProjectEmittedAfterIt(String mode) throws Exception {
        try (GoldenRun run = GoldenRun.startJson("server_order", GoldenRun.text("nodes/server_order.json"))) {
            run.awaitLine(line -> line.startsWith("listening on "));
            String port = run.output().get(0).substring("listening on ".length());
            List<Map<String, ?>> steps = new ArrayList<>();
            steps.add(Map.of("wait", "connect"));
            for (int i = 0; i < ROUNDS; i++) {
                steps.add(Map.of("emit", "ack-then-emit", "args", List.of("r" + i), "ack", true));
            }
            for (int i = 0; i < ROUNDS; i++) {
                steps.add(Map.of("wait", "after-ack")); // each wait takes one event not seen before
            }
            Map<String, Object> options = new HashMap<>();
            options.put("transports", transports(mode));
            NodeClient.Result client =
                    NodeClient.run("http://127.0.0.1:" + port, options, steps, Duration.ofSeconds(60));

            assertThat(client.succeeded())
                    .as("client: " + client.stderr() + tail(client.lines()))
                    .isTrue();
            List<String> seen = new ArrayList<>();
            for (JsonNode line : client.lines()) {
                String ev = line.path("ev").asText();
                if (ev.equals("ack")) {
                    seen.add("ack " + line.path("args").path(0).asText());
                } else if (ev.equals("event") && line.path("name").asText().equals("after-ack")) {
                    seen.add("event " + line.path("args").path(0).asText());
                }
            }
            assertThat(inversions(seen, "ack ", "event "))
                    .as("rounds whose event came before its ack")
                    .isEqualTo(0);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                expected.add("ack r" + i);
                expected.add("event r" + i);
            }
            assertThat(seen).containsExactlyElementsOf(expected);
            assertThat(run.output()).as("no server error").hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"polling", "websocket", "upgrade"})
    void sendsIssuedWhileTheConnectionJoinsGoOutOnceInOrderOnOneConnection(String mode) throws Exception {
        ObjectNode project = (ObjectNode) JSON.readTree(GoldenRun.text("nodes/send_while_joining.json"));
        ObjectNode connection = (ObjectNode) project.at("/settings/socketio/connections/0");
        connection.set("transports", JSON.valueToTree(transports(mode)));
        long before = server.events().size();
        try (GoldenRun run = GoldenRun.startJson("send_while_joining " + mode, project.toString(), server)) {
            int exit = run.run.awaitExit(Duration.ofSeconds(30));
            List<String> records = new ArrayList<>();
            for (int i = 1; i <= 100; i++) {
                records.add("\"" + i + "\"");
            }
            assertThat(run.output()).containsExactly("records [" + String.join(",", records) + "]");
            assertThat(exit).isZero();
        }
        List<JsonNode> seen =
                server.events().subList((int) before, server.events().size());
        assertThat(seen)
                .as("one connection, never closed by the server for an invalid state")
                .filteredOn(e -> e.path("ev").asText().equals("connection"))
                .hasSize(1);
    }

    /** How many rounds' {@code second} line came before their {@code first} line (a missing first counts). */
    static int inversions(List<String> lines, String first, String second) {
        Map<String, Integer> firstAt = new HashMap<>();
        int count = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(first)) {
                firstAt.putIfAbsent(line.substring(first.length()), i);
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(second)) {
                Integer at = firstAt.get(line.substring(second.length()));
                if (at == null || at > i) {
                    count++;
                }
            }
        }
        return count;
    }

    private static String tail(List<?> lines) {
        return lines.subList(Math.max(0, lines.size() - 10), lines.size()).toString();
    }
}
