package io.pulseio.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;

/** Small helpers that keep the codec tests short. */
final class Wire {
    private Wire() {}

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ArrayNode array(String text) {
        return (ArrayNode) json(text);
    }

    static ObjectNode object(String text) {
        return (ObjectNode) json(text);
    }

    /** Feeds an encoded packet to a fresh decoder, attachments included. */
    static SocketPacket decodeAll(EncodedPacket encoded) {
        return decodeAll(new SocketDecoder(), encoded.text(), encoded.attachments());
    }

    /**
     * Feeds text then attachments to a decoder; checks that it finishes the packet exactly with
     * the last message.
     */
    static SocketPacket decodeAll(SocketDecoder decoder, String text, List<byte[]> attachments) {
        SocketPacket packet = decoder.decode(text);
        for (byte[] attachment : attachments) {
            if (packet != null) {
                throw new AssertionError("packet finished before its last attachment: " + packet);
            }
            packet = decoder.decodeBinary(attachment);
        }
        if (packet == null || decoder.awaitingAttachments()) {
            throw new AssertionError("packet not finished after its attachments");
        }
        return packet;
    }
}
