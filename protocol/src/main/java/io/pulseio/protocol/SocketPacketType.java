package io.pulseio.protocol;

/** The Socket.IO v5 packet types, with their wire digits. */
public enum SocketPacketType {
    CONNECT,
    DISCONNECT,
    EVENT,
    ACK,
    CONNECT_ERROR,
    BINARY_EVENT,
    BINARY_ACK;

    private static final SocketPacketType[] BY_DIGIT = values();

    /** The character that starts this packet on the wire. */
    public char digit() {
        return (char) ('0' + ordinal());
    }

    /** True for EVENT and BINARY_EVENT. */
    public boolean isEvent() {
        return this == EVENT || this == BINARY_EVENT;
    }

    /** True for ACK and BINARY_ACK. */
    public boolean isAck() {
        return this == ACK || this == BINARY_ACK;
    }

    /** True for the two types whose JSON carries attachment placeholders. */
    public boolean isBinary() {
        return this == BINARY_EVENT || this == BINARY_ACK;
    }

    static SocketPacketType ofDigit(char c) {
        int i = c - '0';
        return i >= 0 && i < BY_DIGIT.length ? BY_DIGIT[i] : null;
    }
}
