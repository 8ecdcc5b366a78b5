package io.pulseio.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes Socket.IO v5 packets, reassembling binary packets from their attachments.
 *
 * <p>One decoder per Engine.IO connection: feed it every MESSAGE in arrival order, text with
 * {@link #decode(String)} and binary with {@link #decodeBinary(byte[])}. Each returns the
 * finished packet, or null while a binary packet still waits for attachments. Not thread-safe;
 * after a {@link ProtocolException} the decoder is reset and can go on with the next packet.
 */
public final class SocketDecoder {
    /** Attachments one packet may announce, unless told otherwise. */
    public static final int DEFAULT_MAX_ATTACHMENTS = 64;

    private static final int MAX_ACK_ID_DIGITS = 15;
    private static final Set<String> RESERVED_EVENTS =
            Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    private final int maxAttachments;
    private SocketPacket pending;
    private List<byte[]> buffers;
    private int expected;

    public SocketDecoder() {
        this(DEFAULT_MAX_ATTACHMENTS);
    }

    public SocketDecoder(int maxAttachments) {
        if (maxAttachments < 0) {
            throw new IllegalArgumentException("maxAttachments must be >= 0");
        }
        this.maxAttachments = maxAttachments;
    }

    /** True while a binary packet waits for attachments. */
    public boolean awaitingAttachments() {
        return pending != null;
    }

    /** Forgets a half-received binary packet. */
    public void reset() {
        pending = null;
        buffers = null;
        expected = 0;
    }

    /** Decodes the text of one Engine.IO MESSAGE. */
    public SocketPacket decode(String text) {
        if (pending != null) {
            reset();
            throw new ProtocolException("text packet received while a binary packet waits for " + "its attachments");
        }
        if (text == null || text.isEmpty()) {
            throw new ProtocolException("empty Socket.IO packet");
        }
        SocketPacketType type = SocketPacketType.ofDigit(text.charAt(0));
        if (type == null) {
            throw new ProtocolException("unknown Socket.IO packet type '" + text.charAt(0) + "'");
        }
        int i = 1;
        int attachments = 0;
        if (type.isBinary()) {
            int dash = text.indexOf('-', i);
            if (dash < 0 || dash == i || dash - i > 9) {
                throw new ProtocolException("illegal attachment count in binary packet");
            }
            attachments = parseDigits(text, i, dash, "attachment count");
            if (attachments > maxAttachments) {
                throw new ProtocolException("too many attachments: " + attachments + " (limit " + maxAttachments + ")");
            }
            i = dash + 1;
        }
        String namespace = SocketPacket.ROOT;
        if (i < text.length() && text.charAt(i) == '/') {
            int comma = text.indexOf(',', i);
            int end = comma < 0 ? text.length() : comma;
            namespace = text.substring(i, end);
            i = comma < 0 ? end : comma + 1;
        }
        long ackId = SocketPacket.NO_ACK;
        int digitsEnd = i;
        while (digitsEnd < text.length() && isDigit(text.charAt(digitsEnd))) {
            digitsEnd++;
        }
        if (digitsEnd > i) {
            if (digitsEnd - i > MAX_ACK_ID_DIGITS) {
                throw new ProtocolException("ack id too long");
            }
            ackId = Long.parseLong(text, i, digitsEnd, 10);
            i = digitsEnd;
        }
        JsonNode data = i < text.length() ? parseJson(text, i) : null;
        checkPayload(type, ackId, data);
        SocketPacket packet = new SocketPacket(type, namespace, ackId, data);
        if (!type.isBinary() || attachments == 0) {
            return type.isBinary() ? reconstruct(packet, List.of()) : packet;
        }
        pending = packet;
        expected = attachments;
        buffers = new ArrayList<>(attachments);
        return null;
    }

    /** Decodes a binary Engine.IO MESSAGE: the next attachment of the waiting packet. */
    public SocketPacket decodeBinary(byte[] data) {
        if (pending == null) {
            throw new ProtocolException("binary data received with no binary packet waiting for it");
        }
        if (data == null) {
            reset();
            throw new ProtocolException("missing binary attachment");
        }
        buffers.add(data);
        if (buffers.size() < expected) {
            return null;
        }
        SocketPacket packet = pending;
        List<byte[]> bufs = buffers;
        reset();
        return reconstruct(packet, bufs);
    }

    private static SocketPacket reconstruct(SocketPacket packet, List<byte[]> bufs) {
        JsonNode data = replacePlaceholders(packet.data(), bufs);
        return new SocketPacket(packet.type(), packet.namespace(), packet.ackId(), data);
    }

    private static JsonNode replacePlaceholders(JsonNode node, List<byte[]> bufs) {
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isContainerNode()) {
                    array.set(i, replacePlaceholders(child, bufs));
                }
            }
            return node;
        }
        if (node.isObject()) {
            JsonNode marker = node.get("_placeholder");
            if (marker != null && marker.isBoolean() && marker.booleanValue()) {
                JsonNode num = node.get("num");
                if (num == null || !num.isIntegralNumber() || num.asLong() < 0 || num.asLong() >= bufs.size()) {
                    throw new ProtocolException("illegal attachment placeholder " + node);
                }
                return BinaryNode.valueOf(bufs.get(num.asInt()));
            }
            ObjectNode object = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> it = object.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isContainerNode()) {
                    e.setValue(replacePlaceholders(e.getValue(), bufs));
                }
            }
        }
        return node;
    }

    private static void checkPayload(SocketPacketType type, long ackId, JsonNode data) {
        switch (type) {
            case CONNECT -> {
                if (data != null && !data.isObject()) {
                    throw new ProtocolException("CONNECT payload must be an object");
                }
            }
            case DISCONNECT -> {
                if (data != null) {
                    throw new ProtocolException("DISCONNECT takes no payload");
                }
            }
            case CONNECT_ERROR -> {
                if (data == null || !(data.isObject() || data.isTextual())) {
                    throw new ProtocolException("CONNECT_ERROR payload must be an object or a string");
                }
            }
            case EVENT, BINARY_EVENT -> {
                if (data == null || !data.isArray() || data.isEmpty()) {
                    throw new ProtocolException("event payload must be a non-empty array");
                }
                JsonNode name = data.get(0);
                if (!(name.isTextual() || name.isNumber())) {
                    throw new ProtocolException("event name must be a string or a number");
                }
                if (name.isTextual() && RESERVED_EVENTS.contains(name.textValue())) {
                    throw new ProtocolException("reserved event name '" + name.textValue() + "'");
                }
            }
            case ACK, BINARY_ACK -> {
                if (ackId == SocketPacket.NO_ACK) {
                    throw new ProtocolException("ACK without an ack id");
                }
                if (data == null || !data.isArray()) {
                    throw new ProtocolException("ACK payload must be an array");
                }
            }
        }
    }

    private static JsonNode parseJson(String text, int from) {
        JsonNode flat = FlatJsonArray.parse(text, from);
        if (flat != null) {
            return flat;
        }
        String json = text.substring(from);
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new ProtocolException("invalid JSON payload");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ProtocolException("invalid JSON payload: " + e.getOriginalMessage());
        }
    }

    private static int parseDigits(String s, int from, int to, String what) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                throw new ProtocolException("illegal " + what + " in binary packet");
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
