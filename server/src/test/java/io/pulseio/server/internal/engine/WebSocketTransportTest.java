package io.pulseio.server.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.server.Transport;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link WebSocketTransport} on an {@link EmbeddedChannel} and its virtual clock: the batches, the
 * hold after a packet sent alone, the close frame's grace and the state before the handshake,
 * without a socket or a sleep.
 */
class WebSocketTransportTest {
    private static final long GRACE_MILLIS = 300;

    private int drained;

    /** Takes writes and completes them when the test says so: a peer that reads late. */
    private static final class Held extends ChannelOutboundHandlerAdapter {
        final List<Object> frames = new ArrayList<>();
        final List<ChannelPromise> promises = new ArrayList<>();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            frames.add(msg);
            promises.add(promise);
        }

        void written() {
            promises.forEach(ChannelPromise::trySuccess);
            promises.clear();
        }

        void release() {
            frames.forEach(ReferenceCountUtil::release);
        }
    }

    /** Takes writes and never completes them: a peer that reads nothing. */
    private static final class Stuck extends ChannelOutboundHandlerAdapter {
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ReferenceCountUtil.release(msg);
        }
    }

    private static EmbeddedChannel channel(io.netty.channel.ChannelHandler... handlers) {
        EmbeddedChannel ch = new EmbeddedChannel(handlers);
        ch.freezeTime();
        return ch;
    }

    private WebSocketTransport open(EmbeddedChannel ch) {
        WebSocketTransport ws = new WebSocketTransport(ch, ch.eventLoop(), () -> drained++, GRACE_MILLIS);
        ws.open();
        return ws;
    }

    private static ArrayDeque<EnginePacket> queue(EnginePacket... packets) {
        return new ArrayDeque<>(List.of(packets));
    }

    private static void advanceMicros(EmbeddedChannel ch, long micros) {
        ch.advanceTimeBy(micros, TimeUnit.MICROSECONDS);
        ch.runScheduledPendingTasks();
    }

    @Test
    void aBatchIsOneFrameAPacketAndTheNextWaitsUntilItIsWritten() {
        Held peer = new Held();
        EmbeddedChannel ch = channel(peer);
        WebSocketTransport ws = open(ch);
        assertThat(ws.kind()).isEqualTo(Transport.WEBSOCKET);
        assertThat(ws.sendsAtOnce()).isTrue();
        ArrayDeque<EnginePacket> q = queue(EnginePacket.message("a"), EnginePacket.binary(new byte[] {1, 2}));
        assertThat(ws.write(q, 0, false)).isTrue();
        assertThat(q).isEmpty();
        assertThat(peer.frames).hasSize(2);
        assertThat(((TextWebSocketFrame) peer.frames.get(0)).text()).isEqualTo("4a");
        assertThat(ByteBufUtil.getBytes(((BinaryWebSocketFrame) peer.frames.get(1)).content()))
                .containsExactly(1, 2);

        // not yet written: the batch is in flight
        assertThat(ws.sendsAtOnce()).isFalse();
        assertThat(ws.writableNow(true)).isFalse();
        ArrayDeque<EnginePacket> next = queue(EnginePacket.message("b"));
        assertThat(ws.write(next, 0, false)).isFalse();
        assertThat(next).hasSize(1);

        peer.written();
        ch.runPendingTasks();
        assertThat(drained).isEqualTo(1);
        assertThat(ws.sendsAtOnce()).isTrue();
        assertThat(ws.writableNow(true)).isTrue();
        assertThat(ws.writableNow(false)).as("packets already wait").isFalse();
        peer.release();
        ch.finishAndReleaseAll();
    }

    @Test
    void forceWritesWhileABatchIsInFlight() {
        EmbeddedChannel ch = channel();
        WebSocketTransport ws = open(ch);
        ws.write(queue(EnginePacket.message("a")), 0, false);
        assertThat(ws.write(queue(EnginePacket.message("b")), 0, true)).isTrue();
        assertThat(ch.outboundMessages()).hasSize(2);
        ch.finishAndReleaseAll();
    }

    @Test
    void aPacketSentAloneHoldsTheNextBatchForItsHold() {
        Held peer = new Held();
        EmbeddedChannel ch = channel(peer);
        WebSocketTransport ws = open(ch);
        ws.write(queue(EnginePacket.message("connected")), 500, false);
        peer.written();
        ch.runPendingTasks();
        advanceMicros(ch, 499);
        assertThat(ws.sendsAtOnce()).isFalse();
        assertThat(drained).isZero();
        advanceMicros(ch, 1);
        assertThat(ws.sendsAtOnce()).isTrue();
        assertThat(drained).isEqualTo(1);
        peer.release();
        ch.finishAndReleaseAll();
    }

    @Test
    void aFullSocketIsNotWritableNow() {
        EmbeddedChannel ch = channel();
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        WebSocketTransport ws = open(ch);
        ch.write(Unpooled.wrappedBuffer(new byte[32])); // not flushed: it waits in the channel
        assertThat(ws.pendingBytes()).isGreaterThanOrEqualTo(32);
        assertThat(ws.writableNow(true)).isFalse();
        assertThat(ws.sendsAtOnce()).as("a batch may still be queued on it").isTrue();
        ch.finishAndReleaseAll();
    }

    @Test
    void closeSendsACloseFrameAndClosesOnceItIsWritten() {
        EmbeddedChannel ch = channel();
        WebSocketTransport ws = open(ch);
        ws.close(false, false);
        CloseWebSocketFrame frame = ch.readOutbound();
        assertThat(frame).isNotNull();
        frame.release();
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void aCloseFrameThatCannotBeWrittenIsGivenUpAfterTheGrace() {
        EmbeddedChannel ch = channel(new Stuck());
        WebSocketTransport ws = open(ch);
        ws.close(false, false);
        advanceMicros(ch, TimeUnit.MILLISECONDS.toMicros(GRACE_MILLIS) - 1);
        assertThat(ch.isOpen()).as("within the grace").isTrue();
        advanceMicros(ch, 1);
        assertThat(ch.isOpen()).as("after the grace").isFalse();
    }

    @Test
    void abortClosesAtOnceWithoutACloseFrame() {
        EmbeddedChannel ch = channel();
        WebSocketTransport ws = open(ch);
        ws.close(false, true);
        assertThat(ch.isOpen()).isFalse();
        assertThat((Object) ch.readOutbound()).isNull();
    }

    @Test
    void beforeItsHandshakeIsWrittenItCarriesNothing() {
        EmbeddedChannel ch = channel();
        WebSocketTransport ws = new WebSocketTransport(ch, ch.eventLoop(), () -> drained++, GRACE_MILLIS);
        ch.write(Unpooled.wrappedBuffer(new byte[32]));
        assertThat(ws.carries(ch)).isFalse();
        assertThat(ws.sendsAtOnce()).isFalse();
        assertThat(ws.writableNow(true)).isFalse();
        assertThat(ws.pendingBytes()).isZero();
        ArrayDeque<EnginePacket> q = queue(EnginePacket.message("early"));
        assertThat(ws.write(q, 0, true)).isFalse();
        assertThat(q).hasSize(1);
        ws.close(false, true);
        assertThat(ch.isOpen()).as("a failed handshake closes its own channel").isTrue();

        ws.open();
        assertThat(ws.carries(ch)).isTrue();
        assertThat(ws.carries(channel())).isFalse();
        assertThat(ws.holdsRequest()).isFalse();
        ch.finishAndReleaseAll();
    }
}
