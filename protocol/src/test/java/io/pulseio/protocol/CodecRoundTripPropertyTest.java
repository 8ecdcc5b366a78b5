package io.pulseio.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever valid packet goes in through an encoder comes out of the decoder unchanged. Each test
 * checks its property on a few thousand seeded random packets (see {@link Trials}).
 */
class CodecRoundTripPropertyTest {

    @Test
    void everySocketPacketSurvivesEncodeAndDecode() {
        Trials.forAll(0x5_0C1E7_0000L, 4000, RandomPackets::socketPacket, packet -> {
            EncodedPacket encoded = SocketEncoder.encode(packet);
            assertDecodedAs(Wire.decodeAll(encoded), packet, encoded);
        });
    }

    @Test
    void everyBinarySocketPacketSurvivesEncodeAndDecode() {
        Trials.forAll(0xB1_0000_0000L, 2000, RandomPackets::binarySocketPacket, packet -> {
            EncodedPacket encoded = SocketEncoder.encode(packet);
            assertThat(encoded.attachments()).isNotEmpty();
            assertDecodedAs(Wire.decodeAll(encoded), packet, encoded);
        });
    }

    @Test
    void socketPacketsSurviveTheWholeTripThroughAPollingPayload() {
        Trials.forAll(0x9A_0000_0000L, 2000, r -> r.listOf(1, 6, r::pollableSocketPacket), packets -> {
            List<EnginePacket> messages = new ArrayList<>();
            List<EncodedPacket> encodings = new ArrayList<>();
            for (SocketPacket packet : packets) {
                EncodedPacket encoded = SocketEncoder.encode(packet);
                encodings.add(encoded);
                messages.add(EnginePacket.message(encoded.text()));
                encoded.attachments().forEach(a -> messages.add(EnginePacket.binary(a)));
            }
            String payload = EngineCodec.encodePayload(messages);

            SocketDecoder decoder = new SocketDecoder();
            List<SocketPacket> decoded = new ArrayList<>();
            for (EnginePacket message : EngineCodec.decodePayload(payload)) {
                SocketPacket packet =
                        message.isBinary() ? decoder.decodeBinary(message.binary()) : decoder.decode(message.text());
                if (packet != null) {
                    decoded.add(packet);
                }
            }
            assertThat(decoded).hasSameSizeAs(packets);
            for (int i = 0; i < packets.size(); i++) {
                assertDecodedAs(decoded.get(i), packets.get(i), encodings.get(i));
            }
        });
    }

    @Test
    void everyEnginePacketSurvivesEncodeAndDecode() {
        Trials.forAll(0xE_0000_0000L, 5000, RandomPackets::enginePacket, packet -> {
            assertThat(EngineCodec.decode(EngineCodec.encode(packet))).isEqualTo(packet);
            assertThat(EngineCodec.decodePayload(EngineCodec.encode(packet))).containsExactly(packet);
            if (packet.isBinary()) {
                assertThat(EngineCodec.decodeBinary(packet.binary())).isEqualTo(packet);
            }
        });
    }

    @Test
    void everyPayloadSurvivesEncodeAndDecodeAndHasTheAnnouncedSize() {
        Trials.forAll(0xEA_0000_0000L, 4000, r -> r.listOf(1, 8, r::enginePacket), packets -> {
            String payload = EngineCodec.encodePayload(packets);
            assertThat(EngineCodec.decodePayload(payload)).containsExactlyElementsOf(packets);
            long size = -1; // the first packet of a payload has no separator
            for (EnginePacket packet : packets) {
                size += EngineCodec.payloadSize(packet);
            }
            assertThat(size).isEqualTo(payload.getBytes(StandardCharsets.UTF_8).length);
        });
    }

    @Test
    void everyHandshakeSurvivesToJsonAndParse() {
        Trials.forAll(0x4A_0000_0000L, 3000, RandomPackets::handshake, handshake -> {
            assertThat(Handshake.parse(handshake.toJson())).isEqualTo(handshake);
            EnginePacket open = EngineCodec.decode(
                    EngineCodec.encode(EnginePacket.text(EnginePacketType.OPEN, handshake.toJson())));
            assertThat(Handshake.parse(open.text())).isEqualTo(handshake);
        });
    }

    private static void assertDecodedAs(SocketPacket decoded, SocketPacket original, EncodedPacket encoded) {
        SocketPacketType expectedType = original.type();
        if (original.type().isEvent()) {
            expectedType = encoded.attachments().isEmpty() ? SocketPacketType.EVENT : SocketPacketType.BINARY_EVENT;
        } else if (original.type().isAck()) {
            expectedType = encoded.attachments().isEmpty() ? SocketPacketType.ACK : SocketPacketType.BINARY_ACK;
        }
        assertThat(decoded)
                .isEqualTo(new SocketPacket(expectedType, original.namespace(), original.ackId(), original.data()));
        assertThat(encoded.attachments().isEmpty())
                .isEqualTo(original.data() == null || !SocketEncoder.hasBinary(original.data()));
    }
}
