package io.pulseio.server.internal.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import io.pulseio.protocol.EngineCodec;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.server.internal.netty.ConnectionGuard;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Writes a session's packets to its WebSocket, one frame each, with at most one batch in flight
 * (as the Node.js server does): the first packet goes at once, those queued while it is being
 * written go together in the next batch. Used on the session's loop only.
 */
final class WebSocketWriter {
  final Channel channel;
  private final EventLoop loop;
  private final Runnable drained;
  private final long closeGraceMillis;
  private boolean inFlight;
  /** Made once: a batch is written per packet sent to an idle socket. */
  private final Runnable doneTask = this::done;
  private final ChannelFutureListener written;

  /**
   * @param drained called on {@code loop} when a batch is written and the next may go
   * @param closeGraceMillis how long {@link #close} waits for the close frame to be written
   */
  WebSocketWriter(Channel channel, EventLoop loop, Runnable drained, long closeGraceMillis) {
    this.channel = channel;
    this.loop = loop;
    this.drained = drained;
    this.closeGraceMillis = closeGraceMillis;
    this.written = f -> loop.execute(doneTask);
  }

  /** True while a batch is being written. */
  boolean busy() {
    return inFlight;
  }

  /** The bytes written to the connection and not yet handed to the operating system. */
  long pendingBytes() {
    return ConnectionGuard.pendingBytes(channel);
  }

  /** True when a packet sent now would go out at once (for volatile packets). */
  boolean writableNow() {
    return !inFlight && channel.isWritable();
  }

  /**
   * Writes and empties {@code packets} as one batch; the next batch waits until this one is
   * written, plus {@code holdMicros}.
   */
  void write(Queue<EnginePacket> packets, long holdMicros) {
    for (EnginePacket p = packets.poll(); p != null; p = packets.poll()) {
      WebSocketFrame frame = p.isBinary()
          ? new BinaryWebSocketFrame(Unpooled.wrappedBuffer(p.binary()))
          : new TextWebSocketFrame(textFrame(p));
      if (!packets.isEmpty()) {
        channel.write(frame, channel.voidPromise());
        continue;
      }
      inFlight = true;
      channel.write(frame).addListener(holdMicros > 0
          ? f -> loop.schedule(doneTask, holdMicros, TimeUnit.MICROSECONDS)
          : written);
    }
    channel.flush();
  }

  /**
   * The packet's text form (type digit, then its text) written as UTF-8 straight into a buffer of
   * the channel's allocator, of the exact size: the same bytes as {@link EngineCodec#encode}'s
   * string, without that string being made and then copied into a buffer of its own.
   */
  private ByteBuf textFrame(EnginePacket p) {
    String text = p.text();
    int bytes = ByteBufUtil.utf8Bytes(text);
    ByteBuf buf = channel.alloc().buffer(bytes + 1);
    buf.writeByte(p.type().digit());
    ByteBufUtil.reserveAndWriteUtf8(buf, text, bytes);
    return buf;
  }

  private void done() {
    inFlight = false;
    drained.run();
  }

  /**
   * Sends a close frame, then closes the connection; closes it anyway when the frame is not
   * written within the grace period (a client that reads nothing would hold it open, and the
   * frames queued before it, for ever).
   */
  void close() {
    if (channel.isActive()) {
      channel.writeAndFlush(new CloseWebSocketFrame()).addListener(ChannelFutureListener.CLOSE);
      ScheduledFuture<?> deadline;
      try {
        deadline = channel.eventLoop().schedule(this::abort, closeGraceMillis,
            TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        abort();
        return;
      }
      channel.closeFuture().addListener(f -> deadline.cancel(false));
    }
  }

  /** Closes the connection at once, dropping whatever is still queued on it. */
  void abort() {
    channel.close();
  }
}
