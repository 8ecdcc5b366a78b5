package io.pulseio.adapter.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.protocol.SocketPacketType;
import io.pulseio.server.Adapter.BroadcastOptions;
import io.pulseio.server.RemoteSocket;
import io.pulseio.server.SocketHandshake;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WireTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void aBroadcastPacketKeepsItsBinaryThroughMessagePack() throws IOException {
        ArrayNode data = F.arrayNode().add("ev").add(new byte[] {1, 2, 3}).add(7);
        ObjectNode packet = Wire.packet(SocketPacket.event("/chat", data, SocketPacket.NO_ACK));
        byte[] bytes = Wire.msgpack(F.arrayNode()
                .add("uid1")
                .add(packet)
                .add(Wire.options(new BroadcastOptions(Set.of("r"), Set.of(), true, false), 0)));
        assertThat(bytes[0]).isNotEqualTo((byte) '{');
        JsonNode back = Wire.read(bytes);
        assertThat(back.get(1).get("type").asInt()).isEqualTo(2);
        assertThat(back.get(1).get("nsp").asText()).isEqualTo("/chat");
        assertThat(back.get(1).has("id")).isFalse();
        assertThat(back.get(1).get("data").get(1).binaryValue()).containsExactly(1, 2, 3);
        assertThat(back.get(2).get("flags").get("volatile").asBoolean()).isTrue();
        SocketPacket event = Wire.event(back.get(1), "/chat", 4);
        assertThat(event.type()).isEqualTo(SocketPacketType.EVENT);
        assertThat(event.ackId()).isEqualTo(4);
    }

    @Test
    void aMessageStartingWithABraceIsJson() throws IOException {
        assertThat(Wire.read("{\"type\":5,\"requestId\":\"x\"}".getBytes())
                        .get("type")
                        .asInt())
                .isEqualTo(5);
        assertThatThrownBy(() -> Wire.read("{not json".getBytes())).isInstanceOf(IOException.class);
    }

    @Test
    void receivedOptionsTakeNumericRoomsAsTextAndAreLocal() {
        ObjectNode opts = F.objectNode();
        opts.putArray("rooms").add(5).add("a");
        opts.putArray("except").add("b");
        BroadcastOptions options = Wire.options(opts);
        assertThat(options.rooms()).containsExactlyInAnyOrder("5", "a");
        assertThat(options.except()).containsExactly("b");
        assertThat(options.local()).isTrue();
        assertThat(Wire.options((JsonNode) null).rooms()).isEmpty();
    }

    @Test
    void aPacketWithoutAnEventNameIsNoEvent() {
        assertThat(Wire.event(F.objectNode().put("type", 2), "/", -1)).isNull();
        ObjectNode numbered = F.objectNode();
        numbered.putArray("data").add(1);
        assertThat(Wire.event(numbered, "/", -1)).isNull();
        assertThat(Wire.namespaceOf(F.objectNode())).isEqualTo("/");
    }

    @Test
    void aFetchedSocketRoundTripsAndNodeHeadersWithSeveralValuesAreJoined() {
        SocketHandshake handshake = new SocketHandshake(
                F.objectNode().put("token", "t"),
                Map.of("EIO", "4"),
                Map.of("origin", "http://x"),
                "127.0.0.1:5",
                false,
                Instant.ofEpochMilli(1234));
        RemoteSocket socket = new RemoteSocket(
                "s1", handshake, Set.of("s1", "red"), F.objectNode().put("from", "pulseio"));
        ObjectNode wire = Wire.socket(socket);
        assertThat(wire.get("handshake").get("xdomain").asBoolean()).isTrue();
        ((ObjectNode) wire.get("handshake").get("headers"))
                .putArray("set-cookie")
                .add("a")
                .add("b");
        RemoteSocket back = Wire.socket(wire);
        assertThat(back.id()).isEqualTo("s1");
        assertThat(back.rooms()).containsExactlyInAnyOrder("s1", "red");
        assertThat(back.data().get("from").asText()).isEqualTo("pulseio");
        assertThat(back.handshake().auth().get("token").asText()).isEqualTo("t");
        assertThat(back.handshake().issued()).isEqualTo(Instant.ofEpochMilli(1234));
        assertThat(back.handshake().headers()).containsEntry("set-cookie", "a, b");
        assertThat(List.copyOf(back.handshake().query().values())).containsExactly("4");
    }
}
