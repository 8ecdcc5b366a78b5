package io.pulseio.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One Socket.IO packet.
 *
 * <p>Binary data lives inside {@link #data()} as Jackson {@code BinaryNode}s, wherever it sits in
 * the JSON; the encoder turns them into placeholders and attachments, the decoder puts them back.
 * Because of that, {@link SocketPacketType#EVENT} and {@link SocketPacketType#BINARY_EVENT} (and
 * the two ack types) are interchangeable when encoding: the encoder picks the binary form exactly
 * when the data holds binary.
 *
 * <p>The JSON tree is not copied: do not change it after building a packet.
 *
 * @param type the packet type
 * @param namespace the namespace, starting with {@code /}
 * @param ackId the acknowledgement id, or {@link #NO_ACK}
 * @param data the payload: an array for events and acks, an object (or null) for CONNECT, an
 *     object or string for CONNECT_ERROR, null for DISCONNECT
 */
public record SocketPacket(SocketPacketType type, String namespace, long ackId, JsonNode data) {
    /** The {@link #ackId()} of a packet that asks for no acknowledgement. */
    public static final long NO_ACK = -1;

    /** The default namespace. */
    public static final String ROOT = "/";

    public SocketPacket {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(namespace, "namespace");
        if (ackId < NO_ACK) {
            throw new IllegalArgumentException("ackId must be >= 0 or NO_ACK, not " + ackId);
        }
    }

    public static SocketPacket connect(String namespace, ObjectNode auth) {
        return new SocketPacket(SocketPacketType.CONNECT, namespace, NO_ACK, auth);
    }

    public static SocketPacket disconnect(String namespace) {
        return new SocketPacket(SocketPacketType.DISCONNECT, namespace, NO_ACK, null);
    }

    /** An event; {@code args} holds the event name first, then the arguments. */
    public static SocketPacket event(String namespace, ArrayNode args, long ackId) {
        return new SocketPacket(SocketPacketType.EVENT, namespace, ackId, args);
    }

    public static SocketPacket ack(String namespace, long ackId, ArrayNode args) {
        return new SocketPacket(SocketPacketType.ACK, namespace, ackId, args);
    }

    public static SocketPacket connectError(String namespace, JsonNode error) {
        return new SocketPacket(SocketPacketType.CONNECT_ERROR, namespace, NO_ACK, error);
    }

    public boolean hasAckId() {
        return ackId != NO_ACK;
    }

    /** The event name of an event packet (a string, or a number as text), else null. */
    public String eventName() {
        if (!type.isEvent() || data == null || data.isEmpty()) {
            return null;
        }
        return data.get(0).asText();
    }
}
