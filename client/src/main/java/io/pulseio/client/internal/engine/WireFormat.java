package io.pulseio.client.internal.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.pulseio.protocol.EngineCodec;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.protocol.EnginePacketType;
import io.pulseio.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Queue;

/**
 * Engine.IO packets to and from Netty buffers without intermediate strings: WebSocket frames
 * (one packet each) and polling POST bodies (packets joined by {@code \u001e}). The wire rules
 * are {@link EngineCodec}'s; this only avoids its copies on the hot path.
 */
final class WireFormat {
    private static final EnginePacketType[] TYPES = EnginePacketType.values();
    /** Below this many chars, size the buffer for the worst case rather than measure the string. */
    private static final int MEASURE_ABOVE_CHARS = 1024;

    private WireFormat() {}

    /** One WebSocket frame: text {@code <digit><text>}, or the raw bytes (not copied). */
    static WebSocketFrame frame(EnginePacket packet, ByteBufAllocator alloc) {
        if (packet.isBinary()) {
            return new BinaryWebSocketFrame(Unpooled.wrappedBuffer(packet.binary()));
        }
        String text = packet.text();
        ByteBuf buf = alloc.buffer(1 + utf8Capacity(text));
        buf.writeByte(packet.type().digit());
        ByteBufUtil.writeUtf8(buf, text);
        return new TextWebSocketFrame(buf);
    }

    /** Decodes a text frame's content; does not release it. */
    static EnginePacket decodeText(ByteBuf content) {
        int length = content.readableBytes();
        if (length == 0) {
            throw new ProtocolException("empty Engine.IO packet");
        }
        int start = content.readerIndex();
        int digit = content.getByte(start) - '0';
        if (digit < 0 || digit >= TYPES.length) {
            return EngineCodec.decode(content.toString(StandardCharsets.UTF_8));
        }
        EnginePacketType type = TYPES[digit];
        if (length == 1) {
            return switch (type) {
                case PING -> EnginePacket.PING;
                case PONG -> EnginePacket.PONG;
                default -> EnginePacket.text(type, "");
            };
        }
        return EnginePacket.text(type, content.toString(start + 1, length - 1, StandardCharsets.UTF_8));
    }

    /** Decodes a binary frame's content (copied out); does not release it. */
    static EnginePacket decodeBinary(ByteBuf content) {
        return EnginePacket.binary(ByteBufUtil.getBytes(content));
    }

    /**
     * Takes packets from the head of {@code buffer} into one polling body of at most
     * {@code maxPayload} bytes (0: no limit); a single packet larger than that goes alone.
     * Returns null when the buffer is empty.
     */
    static ByteBuf takePayload(
            Queue<EnginePacket> buffer, long maxPayload, ByteBufAllocator alloc, ArrayList<EnginePacket> scratch) {
        long size = -1; // the first packet has no separator
        EnginePacket next;
        while ((next = buffer.peek()) != null) {
            long add = EngineCodec.payloadSize(next);
            if (!scratch.isEmpty() && maxPayload > 0 && size + add > maxPayload) {
                break;
            }
            buffer.poll();
            scratch.add(next);
            size += add;
        }
        if (scratch.isEmpty()) {
            return null;
        }
        ByteBuf body = alloc.buffer((int) Math.min(Integer.MAX_VALUE, size));
        Base64.Encoder base64 = Base64.getEncoder();
        for (int i = 0, n = scratch.size(); i < n; i++) {
            EnginePacket p = scratch.get(i);
            if (i > 0) {
                body.writeByte(EngineCodec.SEPARATOR);
            }
            if (p.isBinary()) {
                body.writeByte('b');
                body.writeBytes(base64.encode(p.binary()));
            } else {
                body.writeByte(p.type().digit());
                ByteBufUtil.writeUtf8(body, p.text());
            }
        }
        scratch.clear();
        return body;
    }

    private static int utf8Capacity(String text) {
        return text.length() <= MEASURE_ABOVE_CHARS ? ByteBufUtil.utf8MaxBytes(text) : ByteBufUtil.utf8Bytes(text);
    }
}
