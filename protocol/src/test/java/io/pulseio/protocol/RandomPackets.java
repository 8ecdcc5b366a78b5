package io.pulseio.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Seeded random input for the property and fuzz tests: valid packets of every Engine.IO and
 * Socket.IO kind (JSON trees with binary nodes anywhere), handshakes, noise, and mutations of
 * valid encodings. The same seed always gives the same sequence of values.
 */
final class RandomPackets {
    /** Characters that steer the decoders into their branches. */
    static final String INTERESTING = "0123456789-/,[]{}\":_\\btruefalsenul e\u001e\u0000é🎉";

    /** Prefixes that get noise past the first checks of the decoders. */
    private static final String[] PREFIXES = {
        "0", "1", "2", "3", "4", "5", "6", "51-", "61-1", "2/a,", "b", "0{\"sid\":", "4[\"x\",",
    };

    private static final String[] FAVOURITES = {
        "", "🎉", "héllo €", "日本語", "\u0000", "\"\\/", "a,b", "\u001e", "\ud800", "\udfff", "x\ud83c", "-", "12",
    };

    private static final Set<String> RESERVED =
            Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    private static final String[] TRANSPORTS = {"websocket", "polling", "webtransport", ""};

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SplittableRandom random;

    RandomPackets(long seed) {
        this.random = new SplittableRandom(seed);
    }

    // --- basics ---

    /** A uniform int in {@code [min, max]}. */
    int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** True with probability {@code percent}%. */
    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    @SafeVarargs
    final <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** Between {@code min} and {@code max} values, each from {@code element}. */
    <T> List<T> listOf(int min, int max, Supplier<T> element) {
        int n = between(min, max);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(element.get());
        }
        return out;
    }

    /** One char: mostly ASCII, but controls, syntax, any BMP char and lone surrogates too. */
    char anyChar() {
        int kind = random.nextInt(100);
        if (kind < 40) {
            return (char) between(0x20, 0x7e);
        } else if (kind < 50) {
            return (char) (chance(90) ? between(0, 0x1f) : 0x7f);
        } else if (kind < 65) {
            return pick(',', '/', '"', '\\', '{', '}', '[', ']', ':', '-', '0', '9', '\u001e');
        } else if (kind < 90) {
            char c;
            do {
                c = (char) between(0x80, 0xffff);
            } while (Character.isSurrogate(c));
            return c;
        } else {
            return (char) between(Character.MIN_SURROGATE, Character.MAX_SURROGATE);
        }
    }

    /** Any text of about {@code maxLength} chars: unpaired surrogates and emoji included. */
    String text(int maxLength) {
        if (chance(20)) {
            return pick(FAVOURITES);
        }
        int length = between(0, maxLength);
        StringBuilder out = new StringBuilder(length + 1);
        while (out.length() < length) {
            if (chance(8)) {
                out.appendCodePoint(between(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT));
            } else {
                out.append(anyChar());
            }
        }
        return out.toString();
    }

    String text() {
        return text(16);
    }

    /** Text made only of the code points of {@code alphabet}. */
    String textOf(String alphabet, int minLength, int maxLength) {
        int[] points = alphabet.codePoints().toArray();
        int length = between(minLength, maxLength);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return out.toString();
    }

    /** Up to {@code maxLength} random bytes; now and then empty or full of one edge value. */
    byte[] bytes(int maxLength) {
        byte[] out = new byte[between(0, maxLength)];
        int kind = random.nextInt(10);
        for (int i = 0; i < out.length; i++) {
            out[i] = kind == 0 ? pick((byte) 0, (byte) -1, (byte) 0x7f, (byte) 0x80) : (byte) random.nextInt(256);
        }
        return out;
    }

    byte[] bytes() {
        return bytes(64);
    }

    long nonNegativeLong() {
        return switch (random.nextInt(5)) {
            case 0 -> between(0, 10);
            case 1 -> random.nextLong(100_000);
            case 2 -> pick(0L, Long.MAX_VALUE, (long) Integer.MAX_VALUE, Integer.MAX_VALUE + 1L);
            default -> random.nextLong(Long.MAX_VALUE);
        };
    }

    // --- JSON ---

    /** A JSON value of at most {@code depth} levels; binary leaves when {@code binary}. */
    JsonNode json(int depth, boolean binary) {
        if (depth > 1) {
            int kind = random.nextInt(5);
            if (kind == 0) {
                return array(depth - 1, binary);
            } else if (kind == 1) {
                return object(depth - 1, binary);
            }
        }
        return leaf(binary);
    }

    private JsonNode leaf(boolean binary) {
        return switch (random.nextInt(binary ? 7 : 6)) {
            case 0 -> NODES.textNode(text());
            case 1 -> NODES.numberNode(anInt());
            case 2 -> NODES.numberNode(longOutsideIntRange());
            case 3 -> NODES.numberNode(aDouble());
            case 4 -> pick(NODES.booleanNode(true), NODES.booleanNode(false));
            case 5 -> NODES.nullNode();
            default -> BinaryNode.valueOf(bytes());
        };
    }

    private int anInt() {
        if (chance(50)) {
            return between(-10, 10);
        }
        return chance(10) ? pick(Integer.MIN_VALUE, Integer.MAX_VALUE) : random.nextInt();
    }

    private double aDouble() {
        if (chance(20)) {
            return pick(0.0, -0.0, 0.5, -1.25, 1e-7, 1e12, 123456.789);
        }
        return random.nextDouble(-1e12, 1e12);
    }

    /** A long that Jackson reads back as a long, not an int. */
    private long longOutsideIntRange() {
        if (chance(10)) {
            return pick(Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L);
        }
        long l;
        do {
            l = random.nextLong();
        } while (l == (int) l);
        return l;
    }

    ArrayNode array(int depth, boolean binary) {
        ArrayNode array = NODES.arrayNode();
        int n = between(0, 4);
        for (int i = 0; i < n; i++) {
            array.add(json(depth, binary));
        }
        return array;
    }

    ObjectNode object(int depth, boolean binary) {
        ObjectNode object = NODES.objectNode();
        int n = between(0, 4);
        for (int i = 0; i < n; i++) {
            String key = text();
            if (key.equals("_placeholder")) {
                continue; // the one key the binary codec claims for itself
            }
            object.set(key, json(depth, binary));
        }
        return object;
    }

    // --- Socket.IO ---

    String namespace() {
        return chance(60) ? SocketPacket.ROOT : "/" + text().replace(",", "");
    }

    long ackId() {
        return switch (random.nextInt(3)) {
            case 0 -> between(0, 9);
            case 1 -> pick(999_999_999_999_999L, 0L, (long) Integer.MAX_VALUE + 1);
            default -> random.nextLong(1_000_000_000_000_000L);
        };
    }

    long maybeAckId() {
        return chance(50) ? SocketPacket.NO_ACK : ackId();
    }

    /** Event arguments: a valid name first, then anything, binary included. */
    ArrayNode eventArgs() {
        ArrayNode args = NODES.arrayNode();
        if (chance(20)) {
            args.add(random.nextInt());
        } else {
            String name;
            do {
                name = text();
            } while (RESERVED.contains(name));
            args.add(name);
        }
        int n = between(0, 5);
        for (int i = 0; i < n; i++) {
            args.add(json(4, true));
        }
        return args;
    }

    ArrayNode ackArgs() {
        ArrayNode args = NODES.arrayNode();
        int n = between(0, 5);
        for (int i = 0; i < n; i++) {
            args.add(json(4, true));
        }
        return args;
    }

    /** Any valid Socket.IO packet, in the form an application builds it. */
    SocketPacket socketPacket() {
        String nsp = namespace();
        return switch (random.nextInt(5)) {
            case 0 ->
                new SocketPacket(SocketPacketType.CONNECT, nsp, maybeAckId(), chance(30) ? null : object(3, false));
            case 1 -> new SocketPacket(SocketPacketType.DISCONNECT, nsp, maybeAckId(), null);
            case 2 -> SocketPacket.event(nsp, eventArgs(), maybeAckId());
            case 3 -> SocketPacket.ack(nsp, ackId(), ackArgs());
            default -> SocketPacket.connectError(nsp, chance(50) ? NODES.textNode(text()) : object(3, false));
        };
    }

    /** A valid Socket.IO packet holding at least one binary node. */
    SocketPacket binarySocketPacket() {
        SocketPacket packet;
        do {
            packet = socketPacket();
        } while (packet.data() == null || !SocketEncoder.hasBinary(packet.data()));
        return packet;
    }

    /**
     * A valid Socket.IO packet that can travel in a polling payload: its text holds no record
     * separator (JSON escapes it, but a namespace carries it raw, and the separator would split it).
     */
    SocketPacket pollableSocketPacket() {
        SocketPacket packet;
        do {
            packet = socketPacket();
        } while (packet.namespace().indexOf(EngineCodec.SEPARATOR) >= 0);
        return packet;
    }

    // --- Engine.IO ---

    /** Any valid Engine.IO packet; text never holds the payload separator. */
    EnginePacket enginePacket() {
        if (chance(25)) {
            return EnginePacket.binary(bytes());
        }
        String text = text().replace(EngineCodec.SEPARATOR, ' ');
        return EnginePacket.text(pick(EnginePacketType.values()), text);
    }

    Handshake handshake() {
        String sid;
        do {
            sid = text();
        } while (sid.isEmpty());
        return new Handshake(
                sid, listOf(0, 3, () -> pick(TRANSPORTS)), nonNegativeLong(), nonNegativeLong(), nonNegativeLong());
    }

    // --- invalid input ---

    /** Random text: any chars, decoder syntax, valid-looking prefixes, or decoded random bytes. */
    String noise() {
        return switch (random.nextInt(5)) {
            case 0 -> text(40);
            case 1 -> textOf(INTERESTING, 0, 40);
            case 2 -> pick(PREFIXES) + textOf(INTERESTING, 0, 30);
            case 3 -> pick(PREFIXES) + text(30);
            default -> new String(bytes(), chance(50) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        };
    }

    /** {@code valid} after one to four random edits: flip, insert, delete, replace, duplicate, truncate. */
    String mutate(String valid) {
        String s = valid;
        int edits = between(1, 4);
        for (int e = 0; e < edits; e++) {
            int at = between(0, s.length());
            int end = Math.min(s.length(), at + between(1, 8));
            String chars = chance(70) ? textOf(INTERESTING, 1, 3) : text(3);
            s = switch (random.nextInt(6)) {
                case 0 ->
                    at == s.length()
                            ? s
                            : s.substring(0, at) + (char) (s.charAt(at) ^ (1 << between(0, 7))) + s.substring(at + 1);
                case 1 -> s.substring(0, at) + chars + s.substring(at);
                case 2 -> s.substring(0, at) + s.substring(end);
                case 3 -> s.substring(0, at) + chars + s.substring(end);
                case 4 -> s.substring(0, end) + s.substring(at, end) + s.substring(end);
                default -> s.substring(0, at);
            };
        }
        return s;
    }

    /** {@code valid} after one to four random edits: bit flip, insert, delete, truncate. */
    byte[] mutate(byte[] valid) {
        byte[] b = valid.clone();
        int edits = between(1, 4);
        for (int e = 0; e < edits; e++) {
            int at = between(0, b.length);
            int kind = random.nextInt(4);
            if (kind == 0 && at < b.length) {
                b[at] ^= (byte) (1 << between(0, 7));
            } else if (kind == 1) {
                byte[] grown = new byte[b.length + 1];
                System.arraycopy(b, 0, grown, 0, at);
                grown[at] = (byte) random.nextInt(256);
                System.arraycopy(b, at, grown, at + 1, b.length - at);
                b = grown;
            } else if (kind == 2 && at < b.length) {
                byte[] shrunk = new byte[b.length - 1];
                System.arraycopy(b, 0, shrunk, 0, at);
                System.arraycopy(b, at + 1, shrunk, at, b.length - at - 1);
                b = shrunk;
            } else {
                b = Arrays.copyOf(b, at);
            }
        }
        return b;
    }

    /**
     * The messages of one connection, as a decoder sees them: {@code String} for text, {@code byte[]}
     * for binary and {@code null} for a missing binary frame. Mixes whole valid packets (with their
     * attachments, sometimes too few, too many or mutated) with mutated and random text and bytes.
     */
    List<Object> messageStream() {
        List<Object> messages = new ArrayList<>();
        int steps = between(0, 12);
        for (int s = 0; s < steps; s++) {
            switch (random.nextInt(8)) {
                case 0, 1 -> {
                    EncodedPacket encoded = SocketEncoder.encode(chance(50) ? binarySocketPacket() : socketPacket());
                    messages.add(encoded.text());
                    List<byte[]> attachments = new ArrayList<>(encoded.attachments());
                    if (!attachments.isEmpty() && chance(20)) {
                        attachments.remove(random.nextInt(attachments.size()));
                    }
                    if (chance(10)) {
                        attachments.add(bytes(8));
                    }
                    for (byte[] attachment : attachments) {
                        messages.add(chance(10) ? mutate(attachment) : attachment);
                    }
                }
                case 2 ->
                    messages.add(mutate(SocketEncoder.encode(socketPacket()).text()));
                case 3 -> messages.add(noise());
                case 4 ->
                    messages.add(pick(
                            "51-[\"x\",{\"_placeholder\":true,\"num\":0}]",
                            "62-1[{\"_placeholder\":true,\"num\":1},{\"_placeholder\":true,\"num\":0}]",
                            "55-[\"x\"]",
                            "51-[\"x\",{\"_placeholder\":true,\"num\":1}]"));
                case 5, 6 -> messages.add(bytes());
                default -> messages.add(null);
            }
        }
        return messages;
    }
}
