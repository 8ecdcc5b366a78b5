package io.pulseio.server.internal.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first stage of every connection: counts it against {@code maxConnections}, stops reading
 * while the connection cannot take more output (back-pressure) or while its HTTP request is being
 * answered, closes it when it stays unwritable past {@code writeTimeout}, and closes it when more
 * than {@code maxOutboundBufferSize} bytes are queued on it, whatever wrote them (HTTP responses,
 * WebSocket control frames, Engine.IO packets). Used on the channel's loop only.
 */
public final class ConnectionGuard extends ChannelDuplexHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

  /** Why reading is paused: bits of {@link #paused}. */
  static final int UNWRITABLE = 1;
  static final int HTTP_BUSY = 2;

  private final ConnectionLimits limits;
  private HttpGuard http;
  private boolean counted;
  private int paused;
  private ScheduledFuture<?> stalled;

  public ConnectionGuard(ConnectionLimits limits) {
    this.limits = limits;
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
    ChannelOutboundBuffer out = ctx.channel().unsafe().outboundBuffer();
    if (max > 0 && out != null && out.totalPendingWriteBytes() > max && ctx.channel().isOpen()) {
      LOG.warn("connection {}: {} bytes queued for the client, over maxOutboundBufferSize {}:"
          + " closing it", ctx.channel().remoteAddress(), out.totalPendingWriteBytes(), max);
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
        stalled = ctx.executor().schedule(() -> {
          stalled = null;
          if (!channel.isWritable()) {
            LOG.debug("connection {}: took no output for {} ms (writeTimeout): closing it",
                channel.remoteAddress(), limits.writeTimeoutMillis());
            channel.close();
          }
        }, limits.writeTimeoutMillis(), TimeUnit.MILLISECONDS);
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
