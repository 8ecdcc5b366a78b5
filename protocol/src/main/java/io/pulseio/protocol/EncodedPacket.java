package io.pulseio.protocol;

import java.util.List;

/**
 * A Socket.IO packet as it goes on the wire: the text of one Engine.IO MESSAGE, followed by
 * one binary Engine.IO MESSAGE per attachment, in order.
 */
public record EncodedPacket(String text, List<byte[]> attachments) {
    public EncodedPacket {
        attachments = List.copyOf(attachments);
    }
}
