package io.pulseio.protocol;

/** The Engine.IO v4 packet types, with their wire digits. */
public enum EnginePacketType {
    OPEN('0'),
    CLOSE('1'),
    PING('2'),
    PONG('3'),
    MESSAGE('4'),
    UPGRADE('5'),
    NOOP('6');

    private static final EnginePacketType[] BY_DIGIT = values();

    private final char digit;

    EnginePacketType(char digit) {
        this.digit = digit;
    }

    /** The character that starts this packet on the wire. */
    public char digit() {
        return digit;
    }

    /** The type whose digit is {@code c}, or null when {@code c} is no packet type. */
    static EnginePacketType ofDigit(char c) {
        int i = c - '0';
        return i >= 0 && i < BY_DIGIT.length ? BY_DIGIT[i] : null;
    }
}
