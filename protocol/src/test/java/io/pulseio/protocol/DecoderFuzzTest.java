package io.pulseio.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random and mutated input to every decoder: each either returns a value or throws
 * {@link ProtocolException}; nothing else ever escapes.
 */
class DecoderFuzzTest {
  /** Characters that steer the decoders into their branches. */
  private static final String INTERESTING = "0123456789-/,[]{}\":_\\btruefalsenul e\u001e\u0000é🎉";

  @Property(tries = 500)
  void randomTextNeverBreaksTheTextDecoders(@ForAll("noise") String text) {
    decodeEverywhere(text);
  }

  @Property(tries = 500)
  void mutatedSocketPacketsNeverBreakTheTextDecoders(@ForAll("mutatedSocketPackets") String text) {
    decodeEverywhere(text);
  }

  @Property(tries = 300)
  void mutatedPayloadsNeverBreakThePayloadDecoder(@ForAll("mutatedPayloads") String payload) {
    survives(() -> EngineCodec.decodePayload(payload));
  }

  @Property(tries = 300)
  void mutatedHandshakesNeverBreakTheHandshakeParser(@ForAll("mutatedHandshakes") String json) {
    survives(() -> Handshake.parse(json));
    survives(() -> EngineCodec.decode("0" + json));
  }

  @Property(tries = 300)
  void randomBytesNeverBreakTheBinaryDecoders(@ForAll("bytes") byte[] data) {
    survives(() -> EngineCodec.decodeBinary(data));
    survives(() -> new SocketDecoder().decodeBinary(data));
    SocketDecoder waiting = new SocketDecoder();
    waiting.decode("51-[\"x\",{\"_placeholder\":true,\"num\":0}]");
    assertThat(waiting.decodeBinary(data).data().get(1).isBinary()).isTrue();
  }

  /**
   * One decoder fed a stream of valid, mutated and random text and binary messages keeps its
   * contract: after any rejection it waits for nothing.
   */
  @Property(tries = 300)
  void aDecoderSurvivesAnyStreamOfMessages(@ForAll("messageStreams") List<Object> messages) {
    SocketDecoder decoder = new SocketDecoder(4);
    for (Object message : messages) {
      try {
        if (message instanceof byte[] bytes) {
          decoder.decodeBinary(bytes);
        } else {
          decoder.decode((String) message);
        }
      } catch (ProtocolException rejected) {
        assertThat(decoder.awaitingAttachments()).as("waits after: %s", rejected.getMessage()).isFalse();
      }
    }
  }

  private static void decodeEverywhere(String text) {
    survives(() -> new SocketDecoder().decode(text));
    survives(() -> new SocketDecoder(2).decode(text));
    survives(() -> EngineCodec.decode(text));
    survives(() -> EngineCodec.decode("4" + text));
    survives(() -> EngineCodec.decode("b" + text));
    survives(() -> EngineCodec.decodePayload(text));
    survives(() -> Handshake.parse(text));
  }

  /** Runs a decoder; a ProtocolException is fine, any other throwable fails the property. */
  private static void survives(Runnable decoding) {
    try {
      decoding.run();
    } catch (ProtocolException rejected) {
      assertThat(rejected.getMessage()).isNotBlank();
    }
  }

  // --- generators ---

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().withChars(INTERESTING).ofMaxLength(40),
        Combinators.combine(Arbitraries.of("0", "1", "2", "3", "4", "5", "6", "51-", "61-1", "2/a,", "b"),
            Arbitraries.strings().withChars(INTERESTING).ofMaxLength(30)).as(String::concat));
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.oneOf(PacketArbitraries.bytes(), Arbitraries.just(new byte[0]));
  }

  @Provide
  Arbitrary<String> mutatedSocketPackets() {
    return mutated(PacketArbitraries.socketPackets().map(p -> SocketEncoder.encode(p).text()));
  }

  @Provide
  Arbitrary<String> mutatedPayloads() {
    return mutated(PacketArbitraries.enginePackets().list().ofMinSize(1).ofMaxSize(4)
        .map(EngineCodec::encodePayload));
  }

  @Provide
  Arbitrary<String> mutatedHandshakes() {
    return mutated(PacketArbitraries.handshakes().map(Handshake::toJson));
  }

  @Provide
  Arbitrary<List<Object>> messageStreams() {
    Arbitrary<Object> text = Arbitraries.oneOf(
        PacketArbitraries.socketPackets().map(p -> SocketEncoder.encode(p).text()),
        mutatedSocketPackets(),
        noise(),
        Arbitraries.of("51-[\"x\",{\"_placeholder\":true,\"num\":0}]",
            "62-1[{\"_placeholder\":true,\"num\":1},{\"_placeholder\":true,\"num\":0}]",
            "55-[\"x\"]"));
    Arbitrary<Object> binary = Arbitraries.oneOf(bytes(), Arbitraries.just(null)).map(b -> (Object) b);
    return Arbitraries.oneOf(text, binary).list().ofMaxSize(12);
  }

  /** Applies one to four random edits (insert, delete, replace, duplicate, truncate) to valid input. */
  private static Arbitrary<String> mutated(Arbitrary<String> valid) {
    Arbitrary<Edit> edit = Combinators.combine(
        Arbitraries.of(EditKind.class),
        Arbitraries.integers().between(0, Integer.MAX_VALUE),
        Arbitraries.integers().between(0, Integer.MAX_VALUE),
        Arbitraries.strings().withChars(INTERESTING).ofMinLength(1).ofMaxLength(3)).as(Edit::new);
    return Combinators.combine(valid, edit.list().ofMinSize(1).ofMaxSize(4)).as((text, edits) -> {
      String out = text;
      for (Edit e : edits) {
        out = e.applyTo(out);
      }
      return out;
    });
  }

  private enum EditKind { INSERT, DELETE, REPLACE, DUPLICATE, TRUNCATE }

  private record Edit(EditKind kind, int at, int length, String chars) {
    String applyTo(String s) {
      int i = s.isEmpty() ? 0 : at % (s.length() + 1);
      int end = Math.min(s.length(), i + 1 + length % 8);
      return switch (kind) {
        case INSERT -> s.substring(0, i) + chars + s.substring(i);
        case DELETE -> s.substring(0, i) + s.substring(end);
        case REPLACE -> s.substring(0, i) + chars + s.substring(end);
        case DUPLICATE -> s.substring(0, end) + s.substring(i, end) + s.substring(end);
        case TRUNCATE -> s.substring(0, i);
      };
    }
  }
}
