package io.pulseio.server.internal.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening socket's handler for failed accepts, such as "Too many open files" when the
 * process is at its file descriptor limit: accepting pauses for {@value #PAUSE_MILLIS} ms (the
 * connections waiting meanwhile stay in the kernel's backlog and are taken once descriptors free
 * up), so the loop neither spins nor stops for good, and a warning says what failed at most once
 * every 10 s, with the count since the last one. Used on the listening channel's loop only.
 */
final class AcceptErrors extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.server");
    static final long PAUSE_MILLIS = 100;
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private long failures;
    private long lastLog = System.nanoTime() - LOG_EVERY_NANOS;
    private boolean paused;

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        failures++;
        long now = System.nanoTime();
        if (now - lastLog >= LOG_EVERY_NANOS) {
            lastLog = now;
            LOG.warn(
                    "cannot accept new connections: {} ({} failure(s) since the last warning);"
                            + " retrying every {} ms. At the file descriptor limit (ulimit -n), set"
                            + " maxConnections below it.",
                    cause.getMessage(),
                    failures,
                    PAUSE_MILLIS);
            failures = 0;
        }
        if (!paused) {
            paused = true;
            ctx.channel().config().setAutoRead(false);
            ctx.executor()
                    .schedule(
                            () -> {
                                paused = false;
                                if (ctx.channel().isOpen()) {
                                    ctx.channel().config().setAutoRead(true);
                                }
                            },
                            PAUSE_MILLIS,
                            TimeUnit.MILLISECONDS);
        }
    }
}
