package io.pulseio.interop;

import static io.pulseio.interop.Waits.WAIT;
import static io.pulseio.interop.Waits.await;
import static io.pulseio.interop.Waits.first;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Acks in both directions and binary in both directions, against the official server. */
class AcksAndBinaryTest {
    private static final HexFormat HEX = HexFormat.of();

    @RegisterExtension
    static final NodeServer server = NodeServer.perClass();

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theServerAcknowledgesWithTheArgumentsItGot(Mode mode) throws Exception {
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            Socket socket = connected(client);
            List<JsonNode> answer =
                    await(socket.emitWithAck("echo", 1, "two", Map.of("three", List.of(3, true)), null));

            assertThat(answer).hasSize(4);
            assertThat(answer.get(0).asInt()).isEqualTo(1);
            assertThat(answer.get(1).asText()).isEqualTo("two");
            assertThat(answer.get(2).toString()).isEqualTo("{\"three\":[3,true]}");
            assertThat(answer.get(3).isNull()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theClientAcknowledgesWhatTheServerAsks(Mode mode) throws Exception {
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            Socket socket = connected(client);
            socket.on(
                    "question",
                    (args, ack) -> ack.send(
                            "answer to " + args.get(0).asInt(),
                            Map.of("n", args.get(0).asInt() * 2)));

            JsonNode report = first(socket.emitWithAck("ask", Map.of("event", "question", "args", List.of(21))));

            assertThat(report.path("ok").asBoolean()).as("%s", report).isTrue();
            assertThat(report.path("response").toString()).isEqualTo("[\"answer to 21\",{\"n\":42}]");
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void binaryNestedInObjectsAndArraysReachesTheServerByteForByte(Mode mode) throws Exception {
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            Socket socket = connected(client);
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("name", "file");
            nested.put("data", new byte[] {0, 1, 2, (byte) 0xff});
            nested.put("parts", List.of(new byte[] {3}, Map.of("deep", new byte[0]), "text"));

            JsonNode report = first(socket.emitWithAck("inspect", nested, new byte[] {(byte) 0xca, (byte) 0xfe}));

            assertThat(report.path("buffers"))
                    .extracting(
                            b -> b.path("path").asText() + "=" + b.path("hex").asText())
                    .containsExactlyInAnyOrder("0.data=000102ff", "0.parts.0=03", "0.parts.1.deep=", "1=cafe");
            assertThat(report.path("shape").get(0).path("name").asText()).isEqualTo("file");
            assertThat(report.path("shape").get(0).path("parts").get(2).asText())
                    .isEqualTo("text");
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void binaryNestedInObjectsAndArraysArrivesFromTheServer(Mode mode) throws Exception {
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            Socket socket = connected(client);
            Timeline timeline = new Timeline().record(socket, "binary");

            socket.emitWithAck("send-binary", Map.of("size", 300));
            List<JsonNode> args = timeline.await("event:binary", WAIT).args();

            assertThat(args).hasSize(2);
            JsonNode payload = args.get(0);
            assertThat(payload.path("label").asText()).isEqualTo("from-server");
            assertThat(payload.path("data").isBinary()).isTrue();
            assertThat(payload.path("data").binaryValue()).isEqualTo(counting(300, 0));
            JsonNode list = payload.path("list");
            assertThat(list.get(0).binaryValue()).isEqualTo(counting(3, 100));
            assertThat(list.get(1).path("deep").binaryValue()).isEmpty();
            assertThat(list.get(2).asText()).isEqualTo("text");
            assertThat(list.get(3).asInt()).isEqualTo(42);
            assertThat(args.get(1).binaryValue()).isEqualTo(counting(2, 200));
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void binaryTravelsInAcksBothWays(Mode mode) throws Exception {
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            Socket socket = connected(client);
            // Server → client in an ack: the echo sends the client's Buffers back as binary.
            List<JsonNode> echoed =
                    await(socket.emitWithAck("echo", Map.of("blob", new byte[] {9, 8, 7}), List.of(new byte[] {6})));
            assertThat(echoed.get(0).path("blob").binaryValue()).containsExactly(9, 8, 7);
            assertThat(echoed.get(1).get(0).binaryValue()).containsExactly(6);

            // Client → server in an ack (BINARY_ACK): the server reports the Buffers it got.
            socket.on("want-bytes", (args, ack) -> ack.send(Map.of("reply", new byte[] {1, 2, 3}), "plain"));
            JsonNode report = first(socket.emitWithAck("ask", Map.of("event", "want-bytes")));
            assertThat(report.path("ok").asBoolean()).as("%s", report).isTrue();
            assertThat(report.path("buffers"))
                    .extracting(
                            b -> b.path("path").asText() + "=" + b.path("hex").asText())
                    .containsExactly("0.reply=" + HEX.formatHex(new byte[] {1, 2, 3}));
            assertThat(report.path("shape").get(1).asText()).isEqualTo("plain");
        }
    }

    static Socket connected(SocketIoClient client) throws InterruptedException {
        Socket socket = client.socket("/");
        Timeline timeline = Timeline.of(socket);
        socket.connect();
        timeline.await("connect", WAIT);
        return socket;
    }

    /** Bytes start, start+1, ... (mod 256): what fixtures/server.js sends. */
    static byte[] counting(int length, int start) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (start + i);
        }
        return bytes;
    }
}
