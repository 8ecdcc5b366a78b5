package io.pulseio.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * One Engine.IO packet: a type and either text or binary data.
 *
 * <p>Binary data is only carried by {@link EnginePacketType#MESSAGE} packets. Text is never null
 * (an absent payload is the empty string); {@link #binary()} is null for text packets. The byte
 * array is not copied: callers must not change it after handing it over.
 */
public record EnginePacket(EnginePacketType type, String text, byte[] binary) {

    public static final EnginePacket PING = new EnginePacket(EnginePacketType.PING, "", null);
    public static final EnginePacket PONG = new EnginePacket(EnginePacketType.PONG, "", null);
    public static final EnginePacket PING_PROBE = new EnginePacket(EnginePacketType.PING, "probe", null);
    public static final EnginePacket PONG_PROBE = new EnginePacket(EnginePacketType.PONG, "probe", null);
    public static final EnginePacket UPGRADE = new EnginePacket(EnginePacketType.UPGRADE, "", null);
    public static final EnginePacket NOOP = new EnginePacket(EnginePacketType.NOOP, "", null);
    public static final EnginePacket CLOSE = new EnginePacket(EnginePacketType.CLOSE, "", null);

    public EnginePacket {
        Objects.requireNonNull(type, "type");
        if (binary != null) {
            if (type != EnginePacketType.MESSAGE) {
                throw new IllegalArgumentException("only MESSAGE packets carry binary data, not " + type);
            }
            text = "";
        } else {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A text packet of the given type. */
    public static EnginePacket text(EnginePacketType type, String text) {
        return new EnginePacket(type, text, null);
    }

    /** A text MESSAGE packet. */
    public static EnginePacket message(String text) {
        return new EnginePacket(EnginePacketType.MESSAGE, text, null);
    }

    /** A binary MESSAGE packet. */
    public static EnginePacket binary(byte[] data) {
        return new EnginePacket(EnginePacketType.MESSAGE, "", Objects.requireNonNull(data, "data"));
    }

    public boolean isBinary() {
        return binary != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnginePacket p && p.type == type && p.text.equals(text) && Arrays.equals(p.binary, binary);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + text.hashCode()) + Arrays.hashCode(binary);
    }

    @Override
    public String toString() {
        return isBinary()
                ? "EnginePacket[" + type + ", " + binary.length + " bytes]"
                : "EnginePacket[" + type + ", \"" + text + "\"]";
    }
}
