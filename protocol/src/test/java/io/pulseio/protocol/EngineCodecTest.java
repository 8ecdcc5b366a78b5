package io.pulseio.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EngineCodecTest {

    @ParameterizedTest
    @EnumSource(EnginePacketType.class)
    void everyTextPacketTypeSurvivesARoundTripWithAndWithoutData(EnginePacketType type) {
        for (String text : List.of("", "probe", "hello world", "{\"a\":1}")) {
            EnginePacket packet = EnginePacket.text(type, text);
            String wire = EngineCodec.encode(packet);
            assertThat(wire).isEqualTo(type.digit() + text);
            assertThat(EngineCodec.decode(wire)).isEqualTo(packet);
        }
    }

    @Test
    void packetTypesUseTheDigitsOfTheProtocol() {
        assertThat(EngineCodec.encode(EnginePacket.text(EnginePacketType.OPEN, "{}")))
                .isEqualTo("0{}");
        assertThat(EngineCodec.encode(EnginePacket.CLOSE)).isEqualTo("1");
        assertThat(EngineCodec.encode(EnginePacket.PING)).isEqualTo("2");
        assertThat(EngineCodec.encode(EnginePacket.PONG)).isEqualTo("3");
        assertThat(EngineCodec.encode(EnginePacket.message("hello"))).isEqualTo("4hello");
        assertThat(EngineCodec.encode(EnginePacket.UPGRADE)).isEqualTo("5");
        assertThat(EngineCodec.encode(EnginePacket.NOOP)).isEqualTo("6");
        assertThat(EngineCodec.encode(EnginePacket.PING_PROBE)).isEqualTo("2probe");
        assertThat(EngineCodec.encode(EnginePacket.PONG_PROBE)).isEqualTo("3probe");
    }

    @Test
    void aBarePingDecodesToTheSharedPingConstant() {
        assertThat(EngineCodec.decode("2")).isSameAs(EnginePacket.PING);
        assertThat(EngineCodec.decode("3")).isSameAs(EnginePacket.PONG);
        assertThat(EngineCodec.decode("2probe")).isEqualTo(EnginePacket.PING_PROBE);
        assertThat(EngineCodec.decode("3probe")).isEqualTo(EnginePacket.PONG_PROBE);
    }

    @Test
    void aMessageKeepsUnicodeAndEmojiIntact() {
        String text = "héllo €uro 🎉 日本";
        assertThat(EngineCodec.decode(EngineCodec.encode(EnginePacket.message(text))))
                .isEqualTo(EnginePacket.message(text));
    }

    @Test
    void aBinaryMessageIsEncodedAsBFollowedByBase64() {
        EnginePacket packet = EnginePacket.binary(new byte[] {1, 2, 3, 4});
        assertThat(EngineCodec.encode(packet)).isEqualTo("bAQIDBA==");
        assertThat(EngineCodec.decode("bAQIDBA==")).isEqualTo(packet);
    }

    @Test
    void anEmptyBinaryMessageSurvivesARoundTrip() {
        EnginePacket packet = EnginePacket.binary(new byte[0]);
        assertThat(EngineCodec.encode(packet)).isEqualTo("b");
        assertThat(EngineCodec.decode("b")).isEqualTo(packet);
    }

    @Test
    void aBinaryFrameIsAMessageWithThoseBytes() {
        byte[] frame = {(byte) 0xff, 0, 7};
        EnginePacket packet = EngineCodec.decodeBinary(frame);
        assertThat(packet.type()).isEqualTo(EnginePacketType.MESSAGE);
        assertThat(packet.binary()).containsExactly(0xff, 0, 7);
    }

    @Test
    void aPayloadJoinsPacketsWithTheRecordSeparator() {
        List<EnginePacket> packets =
                List.of(EnginePacket.message("hello"), EnginePacket.message("€"), EnginePacket.PING);
        String payload = EngineCodec.encodePayload(packets);
        assertThat(payload).isEqualTo("4hello\u001e4€\u001e2");
        assertThat(EngineCodec.decodePayload(payload)).containsExactlyElementsOf(packets);
    }

    @Test
    void aPayloadOfOnePacketHasNoSeparator() {
        assertThat(EngineCodec.encodePayload(List.of(EnginePacket.NOOP))).isEqualTo("6");
        assertThat(EngineCodec.decodePayload("6")).containsExactly(EnginePacket.NOOP);
    }

    @Test
    void aPayloadMixesTextAndBinaryPackets() {
        List<EnginePacket> packets = List.of(
                EnginePacket.message("451-[\"up\",{\"_placeholder\":true,\"num\":0}]"),
                EnginePacket.binary(new byte[] {1, 2, 3}),
                EnginePacket.message("emoji 🎉"));
        String payload = EngineCodec.encodePayload(packets);
        assertThat(payload).contains("\u001ebAQID\u001e");
        assertThat(EngineCodec.decodePayload(payload)).containsExactlyElementsOf(packets);
    }

    @Test
    void theExampleHandshakePayloadOfTheProtocolDecodes() {
        String open = "0{\"sid\":\"lv_VI97HAXpY6yYWAAAC\",\"upgrades\":[\"websocket\"],"
                + "\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}";
        EnginePacket packet = EngineCodec.decodePayload(open).get(0);
        assertThat(packet.type()).isEqualTo(EnginePacketType.OPEN);
        assertThat(Handshake.parse(packet.text()).sid()).isEqualTo("lv_VI97HAXpY6yYWAAAC");
    }

    @Test
    void payloadSizeCountsUtf8BytesAndOneSeparator() {
        List<EnginePacket> packets = List.of(
                EnginePacket.message("héllo 🎉"),
                EnginePacket.PING,
                EnginePacket.binary(new byte[] {1, 2, 3, 4, 5}),
                EnginePacket.binary(new byte[0]),
                EnginePacket.message("x\ud800y"));
        long total = -1;
        for (EnginePacket p : packets) {
            assertThat(EngineCodec.payloadSize(p))
                    .as("size of %s", p)
                    .isEqualTo(EngineCodec.encode(p).getBytes(UTF_8).length + 1);
            total += EngineCodec.payloadSize(p);
        }
        assertThat(total).isEqualTo(EngineCodec.encodePayload(packets).getBytes(UTF_8).length);
    }

    // --- malformed input ---

    @ParameterizedTest
    @ValueSource(strings = {"7", "9hello", "a", "x", "-1", " 4hello", "{}"})
    void anUnknownPacketTypeIsRejected(String wire) {
        assertThatThrownBy(() -> EngineCodec.decode(wire))
                .isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("unknown Engine.IO packet type '" + wire.charAt(0) + "'");
    }

    @Test
    void anUnprintableTypeIsNamedByItsCodeInTheReason() {
        assertThatThrownBy(() -> EngineCodec.decode("\u0000"))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("unknown Engine.IO packet type '\\u0000'");
    }

    @Test
    void anEmptyPacketIsRejected() {
        assertThatThrownBy(() -> EngineCodec.decode(""))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("empty Engine.IO packet");
        assertThatThrownBy(() -> EngineCodec.decode(null))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("empty Engine.IO packet");
    }

    @ParameterizedTest
    @ValueSource(strings = {"b!!!!", "bAQID=A", "bA", "bAQ ID", "b€"})
    void badBase64InABinaryPacketIsRejected(String wire) {
        assertThatThrownBy(() -> EngineCodec.decode(wire))
                .isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("invalid base64 in binary Engine.IO packet");
    }

    @Test
    void aMissingBinaryFrameIsRejected() {
        assertThatThrownBy(() -> EngineCodec.decodeBinary(null))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("missing binary frame");
    }

    @Test
    void anEmptyPayloadIsRejected() {
        assertThatThrownBy(() -> EngineCodec.decodePayload(""))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("empty polling payload");
        assertThatThrownBy(() -> EngineCodec.decodePayload(null))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("empty polling payload");
    }

    @Test
    void anEmptyRecordInAPayloadIsRejectedWithItsOffset() {
        assertThatThrownBy(() -> EngineCodec.decodePayload("4a\u001e\u001e4b"))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("empty packet at offset 3 of polling payload");
        assertThatThrownBy(() -> EngineCodec.decodePayload("4a\u001e"))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("empty packet at offset 3 of polling payload");
        assertThatThrownBy(() -> EngineCodec.decodePayload("\u001e4a"))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("empty packet at offset 0 of polling payload");
    }

    @Test
    void oneBadRecordFailsTheWholePayload() {
        assertThatThrownBy(() -> EngineCodec.decodePayload("4ok\u001e9bad"))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("unknown Engine.IO packet type '9'");
        assertThatThrownBy(() -> EngineCodec.decodePayload("4ok\u001eb%%"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("invalid base64");
    }
}
