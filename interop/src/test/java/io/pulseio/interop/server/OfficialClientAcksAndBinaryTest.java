package io.pulseio.interop.server;

import static io.pulseio.interop.server.OfficialClient.ack;
import static io.pulseio.interop.server.OfficialClient.acks;
import static io.pulseio.interop.server.OfficialClient.events;
import static io.pulseio.interop.server.OfficialClient.json;
import static io.pulseio.interop.server.OfficialClient.steps;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.interop.NodeClient;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Acks both ways (the official client asks our server; our server asks the client with
 * {@code emitWithAck}) and binary both ways, nested in objects and arrays.
 */
class OfficialClientAcksAndBinaryTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static Map<String, String> bin(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Map.of("$bin", Base64.getEncoder().encodeToString(b));
    }

    @ParameterizedTest
    @EnumSource(ClientMode.class)
    void theServerAcknowledgesAndSeesNestedBinaryByteForByte(ClientMode mode) throws Exception {
        Map<String, Object> nested = Map.of(
                "name", "file", "data", bin(0, 1, 2, 0xff), "parts", List.of(bin(3), Map.of("deep", bin()), "text"));
        NodeClient.Result result = OfficialClient.run(
                server.url(),
                mode.nodeOptions(),
                steps().waitFor("connect")
                        .emitWithAck("echo", 1, "two", Map.of("three", List.of(3, true)))
                        .emitWithAck("echo", nested, bin(0xca, 0xfe))
                        .emitWithAck("inspect", nested, bin(0xca, 0xfe)));

        List<JsonNode> echoes = acks(result, "/", "echo");
        assertThat(echoes.get(0)).isEqualTo(json("[1,\"two\",{\"three\":[3,true]}]"));
        JsonNode binaryEcho = echoes.get(1);
        assertThat(binaryEcho.path(0).path("data").path("$bin").asText()).isEqualTo("AAEC/w==");
        assertThat(binaryEcho.path(0).path("parts").path(0).path("$bin").asText())
                .isEqualTo("Aw==");
        assertThat(binaryEcho
                        .path(0)
                        .path("parts")
                        .path(1)
                        .path("deep")
                        .path("$bin")
                        .asText())
                .isEmpty();
        assertThat(binaryEcho.path(0).path("parts").path(1).path("deep").has("$bin"))
                .isTrue();
        assertThat(binaryEcho.path(0).path("parts").path(2).asText()).isEqualTo("text");
        assertThat(binaryEcho.path(1).path("$bin").asText()).isEqualTo("yv4=");

        JsonNode report = ack(result, "inspect");
        assertThat(report.path("buffers"))
                .extracting(b -> b.path("path").asText() + "=" + b.path("hex").asText())
                .containsExactlyInAnyOrder("0.data=000102ff", "0.parts.0=03", "0.parts.1.deep=", "1=cafe");
        assertThat(report.path("shape").path(0).path("name").asText()).isEqualTo("file");
    }

    @ParameterizedTest
    @EnumSource(ClientMode.class)
    void theServerAsksTheClientAndGetsItsAnswerWithBinaryOrTimesOut(ClientMode mode) throws Exception {
        NodeClient.Result result = OfficialClient.run(
                server.url(),
                mode.nodeOptions(Map.of(
                        "replies",
                                Map.of(
                                        "question",
                                        List.of("answer", Map.of("blob", bin(1, 2, 3), "list", List.of(bin(4), 5)))),
                        "unanswered", List.of("ignored"))),
                steps().waitFor("connect")
                        .emitWithAck(
                                "ask", Map.of("event", "question", "args", List.of(7, Map.of("attached", bin(9, 9)))))
                        .emitWithAck("ask", Map.of("event", "mirror", "args", List.of("as", "is")))
                        .emitWithAck("ask", Map.of("event", "ignored", "args", List.of(), "timeoutMs", 300)));

        List<JsonNode> reports =
                acks(result, "/", "ask").stream().map(a -> a.path(0)).toList();
        assertThat(reports.get(0).path("ok").asBoolean())
                .as("%s", reports.get(0))
                .isTrue();
        assertThat(reports.get(0).path("response"))
                .isEqualTo(json("[\"answer\",{\"blob\":{\"$hex\":\"010203\"},\"list\":[{\"$hex\":\"04\"},5]}]"));
        assertThat(reports.get(0).path("buffers"))
                .extracting(b -> b.path("path").asText())
                .containsExactlyInAnyOrder("1.blob", "1.list.0");
        JsonNode question = events(result, "question").get(0);
        assertThat(question.path("args").toString())
                .as("the binary the server sent with its question")
                .isEqualTo("[7,{\"attached\":{\"$bin\":\"CQk=\"}}]");
        assertThat(reports.get(1).path("response").toString()).isEqualTo("[\"as\",\"is\"]");
        assertThat(reports.get(2).path("ok").asBoolean()).isFalse();
        assertThat(reports.get(2).path("error").asText()).startsWith("AckTimeoutException");
    }

    @ParameterizedTest
    @EnumSource(ClientMode.class)
    void binaryFromTheServerReachesTheClientNestedWhereItWasPut(ClientMode mode) throws Exception {
        NodeClient.Result result = OfficialClient.run(
                server.url(),
                mode.nodeOptions(),
                steps().waitFor("connect").emitWithAck("send-binary").waitFor("binary"));

        JsonNode args = events(result, "binary").get(0).path("args");
        assertThat(args.toString())
                .isEqualTo(
                        "[{\"label\":\"from-server\",\"data\":{\"$bin\":\"AAEC\"},"
                                + "\"list\":[{\"$bin\":\"ZGVm\"},{\"deep\":{\"$bin\":\"\"}},\"text\",42]},{\"$bin\":\"yMk=\"}]");
    }

    @ParameterizedTest
    @EnumSource(ClientMode.class)
    void largeTextAndBinaryGoThereAndBack(ClientMode mode) throws Exception {
        NodeClient.Result result = OfficialClient.run(
                server.url(),
                mode.nodeOptions(),
                steps().waitFor("connect")
                        .step(
                                "emit",
                                "large",
                                "args",
                                List.of(Map.of("text", 150_000, "binary", 100_000)),
                                "ack",
                                true,
                                "timeoutMs",
                                15000)
                        .emitWithAck("echo", "after"));

        JsonNode report = ack(result, "large");
        assertThat(report.path("ok").asBoolean()).as("%s", report).isTrue();
        assertThat(report.path("same").asBoolean())
                .as("the client's ack holds what the server sent")
                .isTrue();
        assertThat(ack(result, "echo").asText()).isEqualTo("after");
    }
}
