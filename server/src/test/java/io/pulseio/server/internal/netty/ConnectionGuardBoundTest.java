package io.pulseio.server.internal.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.pulseio.server.ServerOptions;
import org.junit.jupiter.api.Test;

/**
 * The one per-connection bound: the bytes in the connection's outbound buffer plus those its
 * WebSocket session holds back count together, each once, against {@code maxOutboundBufferSize}.
 */
class ConnectionGuardBoundTest {
    private static EmbeddedChannel channel(long max) {
        ConnectionLimits limits = new ConnectionLimits(
                ServerOptions.builder().maxOutboundBufferSize(max).build());
        return new EmbeddedChannel(new ConnectionGuard(limits));
    }

    @Test
    void unsentWritesAndTheSessionsHeldBackPacketsCountTogether() {
        EmbeddedChannel ch = channel(10_000);
        java.util.concurrent.atomic.AtomicInteger told = new java.util.concurrent.atomic.AtomicInteger();
        ConnectionGuard.of(ch).countAlso(() -> 6000, told::incrementAndGet);
        ch.write(Unpooled.wrappedBuffer(new byte[3000]));
        assertThat(ch.isOpen())
                .as("9000 (and Netty's overhead per write) of 10000")
                .isTrue();
        assertThat(ConnectionGuard.pendingBytes(ch)).isBetween(3000L, 3200L);
        ch.write(Unpooled.wrappedBuffer(new byte[1500]));
        assertThat(ch.isOpen()).as("10500 of 10000").isFalse();
        assertThat(told).as("the session told once").hasValue(1);
    }

    @Test
    void writtenBytesNoLongerCount() {
        EmbeddedChannel ch = channel(1000);
        for (int i = 0; i < 100; i++) {
            ch.writeAndFlush(Unpooled.wrappedBuffer(new byte[100]));
            ((io.netty.buffer.ByteBuf) ch.readOutbound()).release();
        }
        assertThat(ch.isOpen()).isTrue();
        assertThat(ConnectionGuard.pendingBytes(ch)).isZero();
    }

    @Test
    void noLimitNeverCloses() {
        EmbeddedChannel ch = channel(0);
        ConnectionGuard.of(ch).countAlso(() -> Long.MAX_VALUE / 2, () -> {});
        ch.write(Unpooled.wrappedBuffer(new byte[1000]));
        assertThat(ch.isOpen()).isTrue();
    }
}
