package io.pulseio.protocol;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Encodes and decodes Engine.IO v4 packets: single packets (one WebSocket frame each) and
 * HTTP long-polling payloads (packets joined by the record separator {@code \u001e}, binary
 * packets as {@code b} + base64).
 *
 * <p>Pure and thread-safe: no state, no I/O. Decoders throw only {@link ProtocolException}.
 */
public final class EngineCodec {
    /** The record separator that joins packets in a polling payload. */
    public static final char SEPARATOR = '\u001e';

    private EngineCodec() {}

    /**
     * The text form of a packet: {@code <digit><text>} for text packets, {@code b<base64>} for
     * binary ones (the form used in polling payloads and accepted in WebSocket text frames).
     */
    public static String encode(EnginePacket packet) {
        if (packet.isBinary()) {
            return "b" + Base64.getEncoder().encodeToString(packet.binary());
        }
        String text = packet.text();
        if (text.isEmpty()) {
            return String.valueOf(packet.type().digit());
        }
        return new StringBuilder(text.length() + 1)
                .append(packet.type().digit())
                .append(text)
                .toString();
    }

    /** Decodes one packet in text form (a WebSocket text frame or one record of a payload). */
    public static EnginePacket decode(String text) {
        if (text == null || text.isEmpty()) {
            throw new ProtocolException("empty Engine.IO packet");
        }
        char first = text.charAt(0);
        if (first == 'b') {
            try {
                return EnginePacket.binary(Base64.getDecoder().decode(text.substring(1)));
            } catch (IllegalArgumentException e) {
                throw new ProtocolException("invalid base64 in binary Engine.IO packet: " + e.getMessage());
            }
        }
        EnginePacketType type = EnginePacketType.ofDigit(first);
        if (type == null) {
            throw new ProtocolException("unknown Engine.IO packet type '" + printable(first) + "'");
        }
        return switch (type) {
            case PING -> text.length() == 1 ? EnginePacket.PING : EnginePacket.text(type, text.substring(1));
            case PONG -> text.length() == 1 ? EnginePacket.PONG : EnginePacket.text(type, text.substring(1));
            default -> EnginePacket.text(type, text.substring(1));
        };
    }

    /** Decodes a binary WebSocket frame: the raw bytes of a MESSAGE packet, no type byte. */
    public static EnginePacket decodeBinary(byte[] frame) {
        if (frame == null) {
            throw new ProtocolException("missing binary frame");
        }
        return EnginePacket.binary(frame);
    }

    /** Joins packets into one polling payload. */
    public static String encodePayload(List<EnginePacket> packets) {
        int size = packets.size();
        long chars = size;
        for (int i = 0; i < size; i++) {
            EnginePacket packet = packets.get(i);
            chars += packet.isBinary()
                    ? 4L * ((packet.binary().length + 2) / 3)
                    : packet.text().length();
        }
        StringBuilder out = new StringBuilder((int) Math.min(chars + size, Integer.MAX_VALUE - 8));
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            appendTo(out, packets.get(i));
        }
        return out.toString();
    }

    /** Appends the text form of a packet without building it as a string of its own first. */
    private static void appendTo(StringBuilder out, EnginePacket packet) {
        if (packet.isBinary()) {
            out.append('b').append(Base64.getEncoder().encodeToString(packet.binary()));
        } else {
            out.append(packet.type().digit()).append(packet.text());
        }
    }

    /** Splits a polling payload into its packets; an empty payload or record is an error. */
    public static List<EnginePacket> decodePayload(String payload) {
        if (payload == null || payload.isEmpty()) {
            throw new ProtocolException("empty polling payload");
        }
        List<EnginePacket> packets = new ArrayList<>(4);
        int start = 0;
        while (true) {
            int end = payload.indexOf(SEPARATOR, start);
            String record = end < 0 ? payload.substring(start) : payload.substring(start, end);
            if (record.isEmpty()) {
                throw new ProtocolException("empty packet at offset " + start + " of polling payload");
            }
            packets.add(decode(record));
            if (end < 0) {
                return packets;
            }
            start = end + 1;
        }
    }

    /**
     * The number of bytes this packet adds to a polling payload: its UTF-8 encoded text form plus
     * one separator. Used to split uploads so that no body exceeds the server's {@code maxPayload}
     * (the first packet of a body needs one byte less).
     */
    public static long payloadSize(EnginePacket packet) {
        if (packet.isBinary()) {
            return 2 + 4L * ((packet.binary().length + 2) / 3);
        }
        return 2 + Utf8.length(packet.text());
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }
}
