package io.pulseio.protocol;

import static io.pulseio.protocol.Wire.array;
import static io.pulseio.protocol.Wire.decodeAll;
import static io.pulseio.protocol.Wire.json;
import static io.pulseio.protocol.Wire.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Text packets: every type, with and without namespace and ack id, against known wire strings. */
class SocketCodecTest {

    /** wire | type | namespace | ack id | JSON data (empty when absent). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "`0`                                      | CONNECT       | /      | -1  |",
                "`0/admin,`                               | CONNECT       | /admin | -1  |",
                "`0{\"token\":\"123\"}`                   | CONNECT       | /      | -1  | `{\"token\":\"123\"}`",
                "`0/admin,{\"token\":\"123\"}`            | CONNECT       | /admin | -1  | `{\"token\":\"123\"}`",
                "`0{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}`    | CONNECT       | /      | -1  | `{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}`",
                "`1`                                      | DISCONNECT    | /      | -1  |",
                "`1/admin,`                               | DISCONNECT    | /admin | -1  |",
                "`2[\"hello\",1]`                         | EVENT         | /      | -1  | `[\"hello\",1]`",
                "`212[\"hello\",1]`                       | EVENT         | /      | 12  | `[\"hello\",1]`",
                "`2/admin,[\"hello\",1]`                  | EVENT         | /admin | -1  | `[\"hello\",1]`",
                "`2/admin,456[\"project:delete\",123]`    | EVENT         | /admin | 456 | `[\"project:delete\",123]`",
                "`2[42,\"numeric name\"]`                 | EVENT         | /      | -1  | `[42,\"numeric name\"]`",
                "`20[\"zero id\"]`                        | EVENT         | /      | 0   | `[\"zero id\"]`",
                "`3/admin,456[]`                          | ACK           | /admin | 456 | `[]`",
                "`31[\"ok\",{\"a\":[1,null,true]}]`       | ACK           | /      | 1   | `[\"ok\",{\"a\":[1,null,true]}]`",
                "`4{\"message\":\"Not authorized\"}`      | CONNECT_ERROR | /      | -1  | `{\"message\":\"Not authorized\"}`",
                "`4/admin,{\"message\":\"Not authorized\",\"data\":{\"code\":403}}` | CONNECT_ERROR | /admin | -1 | `{\"message\":\"Not authorized\",\"data\":{\"code\":403}}`",
                "`4\"Not authorized\"`                    | CONNECT_ERROR | /      | -1  | `\"Not authorized\"`",
                "`2[\"émoji 🎉\",\"日本\"]`               | EVENT         | /      | -1  | `[\"émoji 🎉\",\"日本\"]`",
            })
    void aKnownWireStringDecodesAndEncodesBackToItself(
            String wire, SocketPacketType type, String namespace, long ackId, String data) {
        JsonNode expectedData = data == null ? null : json(data);
        SocketPacket packet = new SocketDecoder().decode(wire);
        assertThat(packet).isEqualTo(new SocketPacket(type, namespace, ackId, expectedData));

        EncodedPacket encoded = SocketEncoder.encode(packet);
        assertThat(encoded.text()).isEqualTo(wire);
        assertThat(encoded.attachments()).isEmpty();
    }

    @Test
    void theFactoriesBuildPacketsThatEncodeAsTheProtocolSays() {
        assertThat(SocketEncoder.encode(SocketPacket.connect("/", null)).text()).isEqualTo("0");
        assertThat(SocketEncoder.encode(SocketPacket.connect("/chat", object("{\"token\":\"t\"}")))
                        .text())
                .isEqualTo("0/chat,{\"token\":\"t\"}");
        assertThat(SocketEncoder.encode(SocketPacket.disconnect("/chat")).text())
                .isEqualTo("1/chat,");
        assertThat(SocketEncoder.encode(SocketPacket.event("/", array("[\"hello\",1]"), SocketPacket.NO_ACK))
                        .text())
                .isEqualTo("2[\"hello\",1]");
        assertThat(SocketEncoder.encode(SocketPacket.ack("/admin", 456, array("[]")))
                        .text())
                .isEqualTo("3/admin,456[]");
        assertThat(SocketEncoder.encode(SocketPacket.connectError("/", object("{\"message\":\"Not authorized\"}")))
                        .text())
                .isEqualTo("4{\"message\":\"Not authorized\"}");
    }

    @Test
    void anEventKnowsItsNameAndOtherPacketsHaveNone() {
        assertThat(new SocketDecoder().decode("2[\"hello\",1]").eventName()).isEqualTo("hello");
        assertThat(new SocketDecoder().decode("2[7]").eventName()).isEqualTo("7");
        assertThat(new SocketDecoder().decode("31[\"x\"]").eventName()).isNull();
        assertThat(SocketPacket.event("/", array("[]"), 1).eventName()).isNull();
    }

    @Test
    void aRoundTripKeepsLargeAckIdsAndStrangeNamespaces() {
        SocketPacket packet = SocketPacket.event("/a-b_c/d.e", array("[\"x\",{\"y\":\"z,1\"}]"), 999_999_999_999_999L);
        assertThat(decodeAll(SocketEncoder.encode(packet))).isEqualTo(packet);
    }

    @Test
    void aConnectErrorCarriesItsMessageAndData() {
        SocketPacket packet = new SocketDecoder()
                .decode("4/admin,{\"message\":\"Not authorized\",\"data\":{\"reason\":\"token expired\"}}");
        assertThat(packet.data().get("message").asText()).isEqualTo("Not authorized");
        assertThat(packet.data().get("data").get("reason").asText()).isEqualTo("token expired");
    }

    @Test
    void packetsOtherThanEventsAndAcksCannotCarryBinary() {
        SocketPacket packet = SocketPacket.connect("/", object("{}").set("key", BinaryNode.valueOf(new byte[1])));
        assertThatThrownBy(() -> SocketEncoder.encode(packet))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CONNECT packets cannot carry binary data");
    }

    @Test
    void oneDecoderDecodesAStreamOfPackets() {
        SocketDecoder decoder = new SocketDecoder();
        List<String> wires = List.of("0{\"sid\":\"x\"}", "2[\"a\"]", "3/b,1[]", "1");
        for (String wire : wires) {
            assertThat(SocketEncoder.encode(decoder.decode(wire)).text()).isEqualTo(wire);
        }
    }
}
