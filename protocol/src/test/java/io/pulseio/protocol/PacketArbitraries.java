package io.pulseio.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of valid packets for the property tests: random JSON trees with binary nodes
 * anywhere, wrapped in every Socket.IO and Engine.IO packet type.
 */
final class PacketArbitraries {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> RESERVED = Set.of(
      "connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

  private PacketArbitraries() {}

  /** Any text: all chars (unpaired surrogates too), plus some multi-byte favourites. */
  static Arbitrary<String> text() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.strings().all().ofMaxLength(16)),
        Tuple.of(1, Arbitraries.of("", "🎉", "héllo €", "日本語", "\u0000", "\"\\/", "a,b")));
  }

  static Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
  }

  /** A JSON value of at most {@code depth} levels; with binary leaves when {@code binary}. */
  static Arbitrary<JsonNode> json(int depth, boolean binary) {
    Arbitrary<JsonNode> leaf = Arbitraries.oneOf(List.of(
        text().map(NODES::textNode),
        Arbitraries.integers().map(NODES::numberNode),
        Arbitraries.longs().filter(l -> l != (int) l.longValue()).map(NODES::numberNode),
        Arbitraries.doubles().between(-1e12, 1e12).map(NODES::numberNode),
        Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()),
        binary ? bytes().map(BinaryNode::valueOf) : Arbitraries.just(NODES.nullNode())));
    if (depth <= 1) {
      return leaf;
    }
    Arbitrary<JsonNode> child = Arbitraries.lazy(() -> json(depth - 1, binary));
    return Arbitraries.frequencyOf(
        Tuple.of(3, leaf),
        Tuple.of(1, array(child)),
        Tuple.of(1, object(child)));
  }

  private static Arbitrary<JsonNode> array(Arbitrary<JsonNode> element) {
    return element.list().ofMaxSize(4).map(items -> {
      ArrayNode array = NODES.arrayNode();
      items.forEach(array::add);
      return array;
    });
  }

  private static Arbitrary<JsonNode> object(Arbitrary<JsonNode> value) {
    // "_placeholder" is the one key the binary codec claims for itself.
    Arbitrary<String> key = text().filter(k -> !k.equals("_placeholder"));
    return Combinators.combine(key, value).as(List::of).list().ofMaxSize(4).map(entries -> {
      ObjectNode object = NODES.objectNode();
      entries.forEach(e -> object.set((String) e.get(0), (JsonNode) e.get(1)));
      return object;
    });
  }

  private static Arbitrary<ObjectNode> objectNode(boolean binary) {
    return object(json(3, binary)).map(ObjectNode.class::cast);
  }

  static Arbitrary<String> namespace() {
    return Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.just(SocketPacket.ROOT)),
        Tuple.of(1, text().map(s -> "/" + s.replace(",", ""))));
  }

  static Arbitrary<Long> ackId() {
    return Arbitraries.longs().between(0, 999_999_999_999_999L);
  }

  private static Arbitrary<Long> maybeAckId() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(SocketPacket.NO_ACK)),
        Tuple.of(1, ackId()));
  }

  /** Event arguments: a valid name first, then anything, binary included. */
  private static Arbitrary<ArrayNode> eventArgs() {
    Arbitrary<JsonNode> name = Arbitraries.oneOf(
        text().filter(s -> !RESERVED.contains(s)).map(NODES::textNode),
        Arbitraries.integers().map(NODES::numberNode));
    return Combinators.combine(name, json(4, true).list().ofMaxSize(5)).as((n, rest) -> {
      ArrayNode args = NODES.arrayNode().add(n);
      rest.forEach(args::add);
      return args;
    });
  }

  private static Arbitrary<ArrayNode> ackArgs() {
    return json(4, true).list().ofMaxSize(5).map(items -> {
      ArrayNode args = NODES.arrayNode();
      items.forEach(args::add);
      return args;
    });
  }

  /** Any valid Socket.IO packet, in the form an application builds it. */
  static Arbitrary<SocketPacket> socketPackets() {
    Arbitrary<String> nsp = namespace();
    return Arbitraries.oneOf(List.of(
        Combinators.combine(nsp, maybeAckId(), Arbitraries.oneOf(Arbitraries.just(null), objectNode(false)))
            .as((n, id, auth) -> new SocketPacket(SocketPacketType.CONNECT, n, id, auth)),
        Combinators.combine(nsp, maybeAckId())
            .as((n, id) -> new SocketPacket(SocketPacketType.DISCONNECT, n, id, null)),
        Combinators.combine(nsp, maybeAckId(), eventArgs()).as((n, id, args) -> SocketPacket.event(n, args, id)),
        Combinators.combine(nsp, ackId(), ackArgs()).as(SocketPacket::ack),
        Combinators.combine(nsp, Arbitraries.oneOf(text().map(NODES::textNode), objectNode(false)))
            .as(SocketPacket::connectError)));
  }

  /** Any valid Engine.IO packet; text never holds the payload separator. */
  static Arbitrary<EnginePacket> enginePackets() {
    Arbitrary<String> text = text().map(s -> s.replace(EngineCodec.SEPARATOR, ' '));
    return Arbitraries.oneOf(
        Combinators.combine(Arbitraries.of(EnginePacketType.class), text).as(EnginePacket::text),
        bytes().map(EnginePacket::binary));
  }

  static Arbitrary<Handshake> handshakes() {
    return Combinators.combine(
        text().filter(s -> !s.isEmpty()),
        Arbitraries.of("websocket", "polling", "webtransport", "").list().ofMaxSize(3),
        Arbitraries.longs().greaterOrEqual(0),
        Arbitraries.longs().greaterOrEqual(0),
        Arbitraries.longs().greaterOrEqual(0)).as(Handshake::new);
  }
}
