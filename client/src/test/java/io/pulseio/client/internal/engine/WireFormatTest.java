package io.pulseio.client.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.pulseio.protocol.EngineCodec;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.protocol.EnginePacketType;
import io.pulseio.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireFormatTest {
    private final ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;
    private final ArrayList<EnginePacket> scratch = new ArrayList<>();

    @Test
    void textPacketsBecomeDigitPlusUtf8TextFrames() {
        WebSocketFrame frame = WireFormat.frame(EnginePacket.message("é\uD83D\uDE00" + "x".repeat(2000)), alloc);
        assertThat(frame).isInstanceOf(TextWebSocketFrame.class);
        assertThat(((TextWebSocketFrame) frame).text()).isEqualTo("4é\uD83D\uDE00" + "x".repeat(2000));
        frame.release();
    }

    @Test
    void binaryPacketsBecomeRawBinaryFramesWithoutCopying() {
        byte[] data = {1, 2, 3};
        WebSocketFrame frame = WireFormat.frame(EnginePacket.binary(data), alloc);
        assertThat(frame).isInstanceOf(BinaryWebSocketFrame.class);
        assertThat(frame.content().hasArray() && frame.content().array() == data)
                .isTrue();
        frame.release();
    }

    @Test
    void textFramesDecodeLikeTheCodec() {
        for (String wire : List.of("2", "3probe", "4hello ✓", "6", "1", "0{\"sid\":\"x\"}", "4")) {
            ByteBuf buf = Unpooled.copiedBuffer(wire, StandardCharsets.UTF_8);
            assertThat(WireFormat.decodeText(buf)).isEqualTo(EngineCodec.decode(wire));
            buf.release();
        }
        assertThat(WireFormat.decodeText(Unpooled.copiedBuffer("2", StandardCharsets.UTF_8)))
                .isSameAs(EnginePacket.PING);
    }

    @Test
    void malformedTextFramesFailWithAProtocolException() {
        assertThatThrownBy(() -> WireFormat.decodeText(Unpooled.EMPTY_BUFFER)).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> WireFormat.decodeText(Unpooled.copiedBuffer("9x", StandardCharsets.UTF_8)))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void payloadsStopBeforeExceedingMaxPayloadAndKeepTheRest() {
        ArrayDeque<EnginePacket> buffer = new ArrayDeque<>();
        for (int i = 0; i < 10; i++) {
            buffer.add(EnginePacket.message("x".repeat(8))); // 9 bytes, plus a separator after the first
        }
        ByteBuf body = WireFormat.takePayload(buffer, 30, alloc, scratch);
        assertThat(body.readableBytes()).isEqualTo(29); // 9 + 10 + 10
        assertThat(buffer).hasSize(7);
        assertThat(EngineCodec.decodePayload(body.toString(StandardCharsets.UTF_8)))
                .hasSize(3);
        body.release();
    }

    @Test
    void payloadSizeCountsUtf8BytesAndBase64() {
        ArrayDeque<EnginePacket> buffer = new ArrayDeque<>(
                List.of(EnginePacket.message("é✓"), EnginePacket.binary(new byte[] {1, 2, 3, 4}), EnginePacket.CLOSE));
        ByteBuf body = WireFormat.takePayload(buffer, 0, alloc, scratch);
        String text = body.toString(StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("4é✓\u001ebAQIDBA==\u001e1");
        assertThat((long) body.readableBytes())
                .isEqualTo(EngineCodec.payloadSize(EnginePacket.message("é✓"))
                        + EngineCodec.payloadSize(EnginePacket.binary(new byte[4]))
                        + EngineCodec.payloadSize(EnginePacket.CLOSE)
                        - 1);
        body.release();
    }

    @Test
    void aPacketLargerThanMaxPayloadGoesAlone() {
        ArrayDeque<EnginePacket> buffer =
                new ArrayDeque<>(List.of(EnginePacket.message("x".repeat(100)), EnginePacket.message("y")));
        ByteBuf body = WireFormat.takePayload(buffer, 50, alloc, scratch);
        assertThat(body.readableBytes()).isEqualTo(101);
        assertThat(buffer).containsExactly(EnginePacket.message("y"));
        body.release();
        assertThat(WireFormat.takePayload(new ArrayDeque<>(), 50, alloc, scratch))
                .isNull();
    }

    @Test
    void typesKeepTheirDigits() {
        assertThat(WireFormat.decodeText(Unpooled.copiedBuffer("5", StandardCharsets.UTF_8))
                        .type())
                .isEqualTo(EnginePacketType.UPGRADE);
    }
}
