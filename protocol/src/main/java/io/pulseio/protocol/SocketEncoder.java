package io.pulseio.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Encodes Socket.IO v5 packets: {@code <type>[<attachments>-][<nsp>,][<ackId>][<JSON>]}.
 *
 * <p>Pure and thread-safe. Binary nodes anywhere in the data become
 * {@code {"_placeholder":true,"num":N}} and are returned, in order, as attachments; the packet
 * then goes as BINARY_EVENT or BINARY_ACK. The packet's own tree is never changed. The JSON is
 * written by {@link JsonText} straight into the packet's text, with no intermediate string.
 */
public final class SocketEncoder {
    private SocketEncoder() {}

    public static EncodedPacket encode(SocketPacket packet) {
        List<byte[]> attachments = new ArrayList<>(0);
        JsonNode data = packet.data() == null ? null : extractBinary(packet.data(), attachments);
        SocketPacketType type = packet.type();
        if (type.isEvent()) {
            type = attachments.isEmpty() ? SocketPacketType.EVENT : SocketPacketType.BINARY_EVENT;
        } else if (type.isAck()) {
            type = attachments.isEmpty() ? SocketPacketType.ACK : SocketPacketType.BINARY_ACK;
        } else if (!attachments.isEmpty()) {
            throw new IllegalArgumentException(type + " packets cannot carry binary data");
        }
        StringBuilder out = new StringBuilder(64);
        out.append(type.digit());
        if (type.isBinary()) {
            out.append(attachments.size()).append('-');
        }
        if (!SocketPacket.ROOT.equals(packet.namespace())) {
            out.append(packet.namespace()).append(',');
        }
        if (packet.hasAckId()) {
            out.append(packet.ackId());
        }
        if (data != null) {
            try {
                JsonText.append(data, out);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("data cannot be written as JSON: " + e.getOriginalMessage(), e);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("data cannot be written as JSON: " + e.getMessage(), e);
            }
        }
        return new EncodedPacket(out.toString(), attachments);
    }

    /** True when the tree holds a binary node anywhere. */
    public static boolean hasBinary(JsonNode node) {
        if (node.isBinary()) {
            return true;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (hasBinary(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Returns {@code node}, or a copy of it with binary replaced by placeholders. */
    private static JsonNode extractBinary(JsonNode node, List<byte[]> out) {
        if (node.isBinary()) {
            ObjectNode placeholder = JsonNodeFactory.instance.objectNode();
            placeholder.put("_placeholder", true);
            placeholder.put("num", out.size());
            try {
                out.add(node.binaryValue());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return placeholder;
        }
        if (node.isArray()) {
            ArrayNode copy = null;
            for (int i = 0; i < node.size(); i++) {
                JsonNode child = node.get(i);
                JsonNode replaced = child.isValueNode() && !child.isBinary() ? child : extractBinary(child, out);
                if (replaced != child && copy == null) {
                    copy = JsonNodeFactory.instance.arrayNode(node.size());
                    for (int j = 0; j < i; j++) {
                        copy.add(node.get(j));
                    }
                }
                if (copy != null) {
                    copy.add(replaced);
                }
            }
            return copy == null ? node : copy;
        }
        if (node.isObject()) {
            ObjectNode copy = null;
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            List<Map.Entry<String, JsonNode>> seen = new ArrayList<>();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode child = e.getValue();
                JsonNode replaced = child.isValueNode() && !child.isBinary() ? child : extractBinary(child, out);
                if (replaced != child && copy == null) {
                    copy = JsonNodeFactory.instance.objectNode();
                    for (Map.Entry<String, JsonNode> s : seen) {
                        copy.set(s.getKey(), s.getValue());
                    }
                }
                if (copy != null) {
                    copy.set(e.getKey(), replaced);
                } else {
                    seen.add(e);
                }
            }
            return copy == null ? node : copy;
        }
        return node;
    }
}
