package io.pulseio.adapter.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pulseio.server.Adapter.Session;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The streams protocol's encodings, against bytes written by the Node.js adapter's own
 * MessagePack library (@msgpack/msgpack, run once by hand in interop/) and its rules.
 */
class StreamsWireTest {
    private static Map<String, String> text(Map<byte[], byte[]> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(new String(k, StandardCharsets.UTF_8), new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    private static Map<byte[], byte[]> bytes(Map<String, String> fields) {
        Map<byte[], byte[]> out = new LinkedHashMap<>();
        fields.forEach((k, v) -> out.put(k.getBytes(StandardCharsets.UTF_8), v.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void plainDataIsJsonTextAndTheTypeIsDecimal() throws Exception {
        ObjectNode data = Wire.F.objectNode();
        data.putObject("opts").putArray("rooms").add("r");
        data.putArray("rooms").add("blue");
        var fields = text(StreamsWire.fields(new StreamsWire.Message("u1", "/chat", 4, data)));
        assertThat(fields)
                .containsExactly(
                        Map.entry("uid", "u1"),
                        Map.entry("nsp", "/chat"),
                        Map.entry("type", "4"),
                        Map.entry("data", "{\"opts\":{\"rooms\":[\"r\"]},\"rooms\":[\"blue\"]}"));
        var back = StreamsWire.fromFields(bytes(fields));
        assertThat(back).isEqualTo(new StreamsWire.Message("u1", "/chat", 4, data));
    }

    @Test
    void binaryDataIsBase64MessagePackAsNodeWritesIt() throws Exception {
        // Node: encode({packet:{type:2,data:["ev",Buffer.from([1,2])],nsp:"/"},opts:{rooms:[],except:[],flags:{}}})
        String node = "gqZwYWNrZXSDpHR5cGUCpGRhdGGSomV2xAIBAqNuc3ChL6RvcHRzg6Vyb29tc5CmZXhjZXB0kKVmbGFnc4A=";
        var m = StreamsWire.fromFields(bytes(Map.of("uid", "n", "nsp", "/", "type", "3", "data", node)));
        JsonNode data = m.data();
        assertThat(data.at("/packet/data/1").binaryValue()).containsExactly(1, 2);
        var fields = text(StreamsWire.fields(new StreamsWire.Message("n", "/", 3, data)));
        assertThat(fields.get("data")).isEqualTo(node);
        // a type that never carries binary is JSON even with bytes (Node does the same)
        assertThat(text(StreamsWire.fields(new StreamsWire.Message("n", "/", 4, data)))
                        .get("data"))
                .startsWith("{");
    }

    @Test
    void entriesWithoutNamespaceAreSkippedAndBadOnesSayWhy() throws Exception {
        assertThat(StreamsWire.fromFields(bytes(Map.of("uid", "x", "type", "2"))))
                .isNull();
        assertThatThrownBy(() -> StreamsWire.fromFields(bytes(Map.of("nsp", "/", "type", "x"))))
                .hasMessage("type 'x' is not a number");
        assertThatThrownBy(() -> StreamsWire.fromFields(bytes(Map.of("nsp", "/", "type", "3", "data", "%%%"))))
                .hasMessageStartingWith("data is neither JSON nor base64");
    }

    @Test
    void sessionsReadWhatNodeKeepsAndNodeReadsWhatWeKeep() throws Exception {
        // Node: encode({sid:"abc",pid:"p1",rooms:["abc","r"],data:{from:"node",n:1}}) in base64
        String node = "hKNzaWSjYWJjo3BpZKJwMaVyb29tc5KjYWJjoXKkZGF0YYKkZnJvbaRub2RloW4B";
        Session s = StreamsWire.session(node.getBytes(StandardCharsets.US_ASCII));
        assertThat(s.sid()).isEqualTo("abc");
        assertThat(s.pid()).isEqualTo("p1");
        assertThat(s.rooms()).containsExactlyInAnyOrder("abc", "r");
        assertThat(s.data()).containsEntry("from", TextNode.valueOf("node"));
        assertThat(s.data().get("n").asInt()).isEqualTo(1);
        Session mine = new Session("abc", "p1", Set.of("abc"), Map.of("k", TextNode.valueOf("v")));
        JsonNode written = Wire.readMsgpack(Base64.getDecoder().decode(StreamsWire.session(mine)));
        assertThat(written.toString())
                .isEqualTo("{\"sid\":\"abc\",\"pid\":\"p1\",\"rooms\":[\"abc\"],\"data\":{\"k\":\"v\"}}");
        assertThatThrownBy(() -> StreamsWire.session("bm90IGEgbWFw".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("without sid and pid");
    }

    @Test
    void offsetsAndStreamsFollowNode() {
        assertThat(StreamsRecovery.next("1700000000000-7")).isEqualTo("1700000000000-8");
        var four = new StreamsOptions(
                "socket.io", 4, "socket.io", 10, 1, Duration.ofSeconds(1), "s:", Duration.ofSeconds(1));
        // hashCode(nsp) % 4 as the Node adapter computes it: 3, 0, -1 and -0 (written "0")
        assertThat(four.streamFor("/chat")).isEqualTo("socket.io-3");
        assertThat(four.streamFor("/admin")).isEqualTo("socket.io-0");
        assertThat(four.streamFor("/orders-eu-west")).isEqualTo("socket.io--1");
        assertThat(four.streamFor("/a-much-longer-namespace")).isEqualTo("socket.io-0");
        assertThat(StreamsOptions.defaults().streamFor("/chat")).isEqualTo("socket.io");
    }
}
