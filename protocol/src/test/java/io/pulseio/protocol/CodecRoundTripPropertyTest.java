package io.pulseio.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever valid packet goes in through an encoder comes out of the decoder unchanged. */
class CodecRoundTripPropertyTest {

  @Property(tries = 400)
  void everySocketPacketSurvivesEncodeAndDecode(@ForAll("socketPackets") SocketPacket packet) {
    EncodedPacket encoded = SocketEncoder.encode(packet);
    SocketPacket decoded = Wire.decodeAll(encoded);
    assertDecodedAs(decoded, packet, encoded);
  }

  @Property(tries = 200)
  void socketPacketsSurviveTheWholeTripThroughAPollingPayload(
      @ForAll("socketPacketLists") List<SocketPacket> packets) {
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
      SocketPacket packet = message.isBinary() ? decoder.decodeBinary(message.binary()) : decoder.decode(message.text());
      if (packet != null) {
        decoded.add(packet);
      }
    }
    assertThat(decoded).hasSameSizeAs(packets);
    for (int i = 0; i < packets.size(); i++) {
      assertDecodedAs(decoded.get(i), packets.get(i), encodings.get(i));
    }
  }

  @Property(tries = 300)
  void everyEnginePacketSurvivesEncodeAndDecode(@ForAll("enginePackets") EnginePacket packet) {
    assertThat(EngineCodec.decode(EngineCodec.encode(packet))).isEqualTo(packet);
    if (packet.isBinary()) {
      assertThat(EngineCodec.decodeBinary(packet.binary())).isEqualTo(packet);
    }
  }

  @Property(tries = 300)
  void everyPayloadSurvivesEncodeAndDecodeAndHasTheAnnouncedSize(
      @ForAll("enginePacketLists") List<EnginePacket> packets) {
    String payload = EngineCodec.encodePayload(packets);
    assertThat(EngineCodec.decodePayload(payload)).containsExactlyElementsOf(packets);
    long size = -1;
    for (EnginePacket packet : packets) {
      size += EngineCodec.payloadSize(packet);
    }
    assertThat(size).isEqualTo(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
  }

  @Property(tries = 200)
  void everyHandshakeSurvivesToJsonAndParse(@ForAll("handshakes") Handshake handshake) {
    assertThat(Handshake.parse(handshake.toJson())).isEqualTo(handshake);
  }

  private static void assertDecodedAs(SocketPacket decoded, SocketPacket original, EncodedPacket encoded) {
    SocketPacketType expectedType = original.type();
    if (original.type().isEvent()) {
      expectedType = encoded.attachments().isEmpty() ? SocketPacketType.EVENT : SocketPacketType.BINARY_EVENT;
    } else if (original.type().isAck()) {
      expectedType = encoded.attachments().isEmpty() ? SocketPacketType.ACK : SocketPacketType.BINARY_ACK;
    }
    assertThat(decoded).isEqualTo(new SocketPacket(expectedType, original.namespace(), original.ackId(),
        original.data()));
    assertThat(encoded.attachments().isEmpty()).isEqualTo(original.data() == null
        || !SocketEncoder.hasBinary(original.data()));
  }

  @Provide
  Arbitrary<SocketPacket> socketPackets() {
    return PacketArbitraries.socketPackets();
  }

  @Provide
  Arbitrary<List<SocketPacket>> socketPacketLists() {
    return PacketArbitraries.socketPackets().list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<EnginePacket> enginePackets() {
    return PacketArbitraries.enginePackets();
  }

  @Provide
  Arbitrary<List<EnginePacket>> enginePacketLists() {
    return PacketArbitraries.enginePackets().list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<Handshake> handshakes() {
    return PacketArbitraries.handshakes();
  }
}
