package io.pulseio.adapter.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.Json;
import io.pulseio.server.RemoteSocket;
import io.pulseio.server.SocketHandshake;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FetchWireTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static RemoteSocket socket(String id, String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "127.0.0.1:3000");
        headers.put("user-agent", "pulseio \"quoted\" \u00e9");
        if (origin != null) {
            headers.put("origin", origin);
        }
        ObjectNode auth = F.objectNode().put("token", "t-" + id);
        auth.putArray("list").add(1).add(F.objectNode().put("deep", true));
        ObjectNode data = F.objectNode().put("n", 3);
        data.put("bin", new byte[] {1, 2});
        return new RemoteSocket(
                id,
                new SocketHandshake(
                        auth,
                        Map.of("EIO", "4", "transport", "websocket"),
                        headers,
                        "127.0.0.1:5000",
                        true,
                        Instant.ofEpochMilli(1_700_000_000_123L)),
                Set.of(id, "room \u2603"),
                data);
    }

    /** The response as the tree path wrote it before: {@code {requestId, sockets: [Wire.socket…]}}. */
    private static byte[] viaTree(String requestId, List<RemoteSocket> sockets) {
        ObjectNode r = F.objectNode().put("requestId", requestId);
        ArrayNode out = r.putArray("sockets");
        sockets.forEach(s -> out.add(Wire.socket(s)));
        return Wire.json(r);
    }

    @Test
    void aResponseIsWrittenAsTheTreeWouldWriteIt() {
        List<RemoteSocket> sockets = List.of(socket("a", "http://x"), socket("b", null));
        assertThat(new String(FetchWire.response("r1", sockets), StandardCharsets.UTF_8))
                .isEqualTo(new String(viaTree("r1", sockets), StandardCharsets.UTF_8));
        assertThat(FetchWire.response("r2", List.of())).isEqualTo(viaTree("r2", List.of()));
    }

    @Test
    void socketsReadBackAsTheTreePathReadsThem() throws IOException {
        List<RemoteSocket> sockets = List.of(socket("a", "http://x"), socket("b", null));
        byte[] bytes = FetchWire.response("r1", sockets);
        List<RemoteSocket> back = FetchWire.sockets(bytes);
        JsonNode tree = Wire.read(bytes).get("sockets");
        assertThat(back).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(back.get(i)).isEqualTo(Wire.socket(tree.get(i)));
        }
        // JSON has no binary: the data's bytes come back as base64 text, as a Node peer sends them
        assertThat(back.get(0).data().get("bin").asText()).isEqualTo("AQI=");
        assertThat(back.get(0).handshake().headers()).containsEntry("user-agent", "pulseio \"quoted\" \u00e9");
        assertThat(back.get(0).handshake().issued()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(back.get(0).rooms()).containsExactlyInAnyOrder("a", "room \u2603");
    }

    @Test
    void aNodeStyleResponseReadsAsTheTreePathReadsIt() throws IOException {
        // what a Node server sends: extra fields, header values as arrays, numbers and nulls where text is expected
        String json = "{\"requestId\":\"q\",\"extra\":{\"x\":[1,2]},\"sockets\":[{\"id\":7,\"handshake\":{"
                + "\"headers\":{\"set-cookie\":[\"a=1\",\"b=2\"],\"n\":5,\"gone\":null,\"obj\":{\"k\":1},\"mix\":[1,null,{}]},"
                + "\"time\":\"t\",\"address\":\"::1\",\"xdomain\":false,\"secure\":false,\"issued\":12,"
                + "\"url\":\"/socket.io/?EIO=4\",\"query\":{\"EIO\":\"4\",\"t\":[\"x\",\"y\"]},\"auth\":[1]},"
                + "\"rooms\":[\"7\",3],\"data\":null,\"later\":{\"y\":1}},5,{}]}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        List<RemoteSocket> back = FetchWire.sockets(bytes);
        JsonNode tree = Json.MAPPER.readTree(bytes).get("sockets");
        assertThat(back).hasSize(2); // the 5 is not a socket
        assertThat(back.get(0)).isEqualTo(Wire.socket(tree.get(0)));
        assertThat(back.get(1)).isEqualTo(Wire.socket(tree.get(2)));
        assertThat(back.get(0).handshake().headers())
                .containsEntry("set-cookie", "a=1, b=2")
                .containsEntry("n", "5")
                .doesNotContainKey("gone");
        assertThat(back.get(0).handshake().auth()).isEqualTo(F.objectNode());
    }

    @Test
    void msgpackResponsesReadToo() throws IOException {
        List<RemoteSocket> sockets = List.of(socket("a", null));
        ObjectNode r = F.objectNode().put("requestId", "m1");
        r.putArray("sockets").add(Wire.socket(sockets.get(0)));
        byte[] bytes = Wire.msgpack(r);
        assertThat(FetchWire.requestId(bytes)).isEqualTo("m1");
        List<RemoteSocket> back = FetchWire.sockets(bytes);
        assertThat(back)
                .containsExactly(Wire.socket(Wire.read(bytes).get("sockets").get(0)));
        assertThat(back.get(0).data().get("bin").binaryValue()).containsExactly(1, 2);
    }

    @Test
    void theRequestIdIsFoundWhereverItIs() throws IOException {
        assertThat(FetchWire.requestId("{\"requestId\":\"a\",\"sockets\":[1,2]}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("a");
        assertThat(FetchWire.requestId(
                        "{\"type\":6,\"data\":{\"x\":[1]},\"requestId\":\"b\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("b");
        assertThat(FetchWire.requestId("{\"type\":6}".getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(FetchWire.requestId("{\"requestId\":5}".getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(FetchWire.requestId(Wire.msgpack(F.arrayNode().add(1)))).isNull();
        assertThat(FetchWire.sockets("{\"requestId\":\"a\"}".getBytes(StandardCharsets.UTF_8)))
                .isNull();
    }

    @Test
    void aTruncatedResponseIsAnError() {
        byte[] whole = FetchWire.response("r", List.of(socket("a", null)));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> FetchWire.sockets(cut)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> FetchWire.requestId(new byte[] {(byte) 0xc1})).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> FetchWire.requestId("{\"requ".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }
}
