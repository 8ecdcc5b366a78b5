package io.pulseio.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BinaryNode;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Random, random-byte and mutated input to every decoder: each either returns a value or throws
 * {@link ProtocolException} with a reason; nothing else ever escapes, and a Socket.IO decoder that
 * rejected something decodes the next valid packet as if nothing had happened. Each test checks
 * a few thousand seeded inputs (see {@link Trials}).
 */
class DecoderFuzzTest {
    /** A binary event that every decoder must decode exactly after any rejection. */
    private static final SocketPacket PROBE =
            SocketPacket.event("/probe", Wire.array("[\"probe\",1]").add(BinaryNode.valueOf(new byte[] {1, 2, 3})), 7);

    @Test
    void randomTextNeverBreaksTheTextDecoders() {
        Trials.forAll(0xF0_0000_0000L, 5000, RandomPackets::noise, DecoderFuzzTest::decodeEverywhere);
    }

    @Test
    void mutatedSocketPacketsNeverBreakTheTextDecoders() {
        Trials.forAll(
                0xF1_0000_0000L,
                5000,
                r -> r.mutate(SocketEncoder.encode(r.socketPacket()).text()),
                DecoderFuzzTest::decodeEverywhere);
    }

    @Test
    void mutatedPayloadsNeverBreakThePayloadDecoder() {
        Trials.forAll(
                0xF2_0000_0000L,
                4000,
                r -> r.mutate(EngineCodec.encodePayload(r.listOf(1, 4, r::enginePacket))),
                payload -> {
                    survives(() -> EngineCodec.decodePayload(payload));
                    survives(() -> EngineCodec.decode(payload));
                });
    }

    @Test
    void mutatedHandshakesNeverBreakTheHandshakeParser() {
        Trials.forAll(0xF3_0000_0000L, 4000, r -> r.mutate(r.handshake().toJson()), json -> {
            survives(() -> Handshake.parse(json));
            survives(() -> EngineCodec.decode("0" + json));
            survives(() -> EngineCodec.decodePayload("0" + json));
        });
    }

    @Test
    void randomAndMutatedBytesNeverBreakTheBinaryDecoders() {
        Trials.forAll(0xF4_0000_0000L, 4000, r -> r.chance(50) ? r.bytes() : r.mutate(r.bytes(16)), data -> {
            assertThat(EngineCodec.decodeBinary(data)).isEqualTo(EnginePacket.binary(data));
            SocketDecoder idle = new SocketDecoder();
            survivesIn(idle, () -> idle.decodeBinary(data));
            decodeEverywhere(new String(data, StandardCharsets.UTF_8));

            SocketDecoder waiting = new SocketDecoder();
            assertThat(waiting.decode("51-[\"x\",{\"_placeholder\":true,\"num\":0}]"))
                    .isNull();
            SocketPacket packet = waiting.decodeBinary(data);
            assertThat(packet.data().get(1)).isEqualTo(BinaryNode.valueOf(data));
            assertThat(waiting.awaitingAttachments()).isFalse();
        });
    }

    /**
     * One decoder fed a stream of valid, mutated and random text and binary messages keeps its
     * contract: after any rejection it waits for nothing and decodes the next valid packet.
     */
    @Test
    void aDecoderSurvivesAnyStreamOfMessages() {
        Trials.forAll(0xF5_0000_0000L, 3000, RandomPackets::messageStream, messages -> {
            SocketDecoder decoder = new SocketDecoder(4);
            for (Object message : messages) {
                survivesIn(
                        decoder,
                        () -> message instanceof String text
                                ? decoder.decode(text)
                                : decoder.decodeBinary((byte[]) message));
            }
        });
    }

    @Test
    void theDecodersRejectNullWithAProtocolException() {
        decodeEverywhere(null);
        SocketDecoder decoder = new SocketDecoder();
        survivesIn(decoder, () -> decoder.decodeBinary(null));
        survives(() -> EngineCodec.decodeBinary(null));
    }

    private static void decodeEverywhere(String text) {
        SocketDecoder plain = new SocketDecoder();
        survivesIn(plain, () -> plain.decode(text));
        SocketDecoder few = new SocketDecoder(2);
        survivesIn(few, () -> few.decode(text));
        survives(() -> EngineCodec.decode(text));
        survives(() -> EngineCodec.decodePayload(text));
        survives(() -> Handshake.parse(text));
        if (text != null) {
            survives(() -> EngineCodec.decode("4" + text));
            survives(() -> EngineCodec.decode("b" + text));
        }
    }

    /** Runs a decoder; a ProtocolException with a reason is fine, any other throwable fails. */
    private static void survives(Supplier<?> decoding) {
        try {
            decoding.get();
        } catch (ProtocolException rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
        }
    }

    /** Like {@link #survives}; after a rejection {@code decoder} must be idle and still work. */
    private static void survivesIn(SocketDecoder decoder, Supplier<?> decoding) {
        try {
            decoding.get();
        } catch (ProtocolException rejected) {
            assertThat(rejected.getMessage()).isNotBlank();
            assertThat(decoder.awaitingAttachments())
                    .as("waits after: %s", rejected.getMessage())
                    .isFalse();
            EncodedPacket probe = SocketEncoder.encode(PROBE);
            assertThat(Wire.decodeAll(decoder, probe.text(), probe.attachments()))
                    .as("decodes the probe after: %s", rejected.getMessage())
                    .isEqualTo(new SocketPacket(SocketPacketType.BINARY_EVENT, "/probe", 7, PROBE.data()));
        }
    }
}
