package io.pulseio.server.internal.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first stage of every connection: counts it against {@code maxConnections}, stops reading
 * while the connection cannot take more output (back-pressure) or while its HTTP request is being
 * answered, closes it when it stays unwritable past {@code writeTimeout}, and closes it when more
 * than {@code maxOutboundBufferSize} bytes are queued for it, whatever wrote them (HTTP responses,
 * WebSocket control frames, Engine.IO packets).
 *
 * <p>The bytes queued for a connection are those in its outbound buffer plus, for a WebSocket,
 * the packets its Engine.IO session holds back until the batch in flight is written ({@link
 * #countAlso}); the session's outbox checks the same sum with {@link #queuedBytes} when it
 * queues, so each byte counts once against the one bound. Used on the channel's loop only,
 * except {@link #queuedBytes}.
 */
public final class ConnectionGuard extends ChannelDuplexHandler {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.server");

    /** Why reading is paused: bits of {@link #paused}. */
    static final int UNWRITABLE = 1;

    static final int HTTP_BUSY = 2;

    private final ConnectionLimits limits;
    private HttpGuard http;
    private boolean counted;
    private int paused;
    private ScheduledFuture<?> stalled;
    private volatile LongSupplier alsoQueued = () -> 0;
    private volatile Runnable onOverflow;

    public ConnectionGuard(ConnectionLimits limits) {
        this.limits = limits;
    }

    /** The guard of {@code channel}, or null (a channel not made by this server). */
    public static ConnectionGuard of(Channel channel) {
        return channel.pipeline().get(ConnectionGuard.class);
    }

    /**
     * Counts also these bytes as queued for the connection (a WebSocket session's held-back
     * packets), and calls {@code overflowed} just before closing the connection for going over
     * the bound (so the session ends as overflowed, not as closed by the client). Both are called
     * on the channel's loop, so they must be safe to call from there.
     */
    public void countAlso(LongSupplier bytes, Runnable overflowed) {
        this.alsoQueued = bytes;
        this.onOverflow = overflowed;
    }

    /** The bytes in {@code channel}'s outbound buffer, not yet handed to the operating system. */
    public static long pendingBytes(Channel channel) {
        ChannelOutboundBuffer out = channel.unsafe().outboundBuffer();
        return out == null ? 0 : out.totalPendingWriteBytes();
    }

    /** The HTTP stage to tell when bytes arrive (null once the connection is a WebSocket). */
    void http(HttpGuard guard) {
        this.http = guard;
    }

    /** Pauses reading for {@code reason}; reading resumes when no reason is left. */
    void pause(Channel channel, int reason) {
        paused |= reason;
        channel.config().setAutoRead(false);
    }

    void resume(Channel channel, int reason) {
        paused &= ~reason;
        if (paused == 0 && channel.isActive()) {
            channel.config().setAutoRead(true);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (!limits.open()) {
            ctx.close();
            return;
        }
        counted = true;
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (counted) {
            counted = false;
            limits.closed();
        }
        cancelStall();
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (http != null) {
            http.onBytes();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ctx.write(msg, promise);
        long max = limits.maxOutboundBytes();
        if (max == 0 || !ctx.channel().isOpen()) {
            return;
        }
        long queued = pendingBytes(ctx.channel()) + alsoQueued.getAsLong();
        if (queued > max) {
            LOG.warn(
                    "connection {}: {} bytes queued for the client, over maxOutboundBufferSize {}:" + " closing it",
                    ctx.channel().remoteAddress(),
                    queued,
                    max);
            Runnable overflowed = onOverflow;
            onOverflow = null;
            if (overflowed != null) {
                overflowed.run();
            }
            ctx.close();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        Channel channel = ctx.channel();
        if (channel.isWritable()) {
            cancelStall();
            resume(channel, UNWRITABLE);
        } else {
            pause(channel, UNWRITABLE);
            if (stalled == null) {
                stalled = ctx.executor()
                        .schedule(
                                () -> {
                                    stalled = null;
                                    if (!channel.isWritable()) {
                                        LOG.debug(
                                                "connection {}: took no output for {} ms (writeTimeout): closing it",
                                                channel.remoteAddress(),
                                                limits.writeTimeoutMillis());
                                        channel.close();
                                    }
                                },
                                limits.writeTimeoutMillis(),
                                TimeUnit.MILLISECONDS);
            }
        }
        super.channelWritabilityChanged(ctx);
    }

    private void cancelStall() {
        if (stalled != null) {
            stalled.cancel(false);
            stalled = null;
        }
    }
}
