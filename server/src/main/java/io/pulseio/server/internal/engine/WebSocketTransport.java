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
import io.pulseio.server.Transport;
import io.pulseio.server.internal.netty.ConnectionGuard;
import io.pulseio.server.internal.netty.EngineError;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A session's WebSocket, the server's side: its packets written one frame each, with at most one
 * batch in flight (as the Node.js server does): the first packet goes at once, those queued while
 * it is being written go together in the next batch. The frames it reads reach the session through
 * {@link WebSocketFrameHandler}, which asks {@link #carries}. Used on the session's loop only (see
 * {@link SessionTransport}).
 */
final class WebSocketTransport implements SessionTransport {
    private final Channel channel;
    private final EventLoop loop;
    private final Runnable drained;
    private final long closeGraceMillis;
    private boolean open;
    private boolean inFlight;
    /** Made once: a batch is written per packet sent to an idle socket. */
    private final Runnable doneTask = this::done;

    private final ChannelFutureListener written;

    /**
     * @param drained called on {@code loop} when a batch is written and the next may go
     * @param closeGraceMillis how long {@link #close} waits for the close frame to be written
     */
    WebSocketTransport(Channel channel, EventLoop loop, Runnable drained, long closeGraceMillis) {
        this.channel = channel;
        this.loop = loop;
        this.drained = drained;
        this.closeGraceMillis = closeGraceMillis;
        this.written = f -> loop.execute(doneTask);
    }

    /** The handshake's reply is written: the transport carries packets from now on. */
    void open() {
        open = true;
    }

    /** The connection. */
    Channel channel() {
        return channel;
    }

    @Override
    public Transport kind() {
        return Transport.WEBSOCKET;
    }

    @Override
    public void onRequest(Exchange ex) {
        ex.fail(EngineError.BAD_REQUEST);
    }

    @Override
    public boolean carries(Channel c) {
        return open && c == channel;
    }

    @Override
    public boolean sendsAtOnce() {
        return open && !inFlight;
    }

    @Override
    public boolean writableNow(boolean nothingQueued) {
        return open && !inFlight && channel.isWritable() && nothingQueued;
    }

    @Override
    public long pendingBytes() {
        return open ? ConnectionGuard.pendingBytes(channel) : 0;
    }

    @Override
    public boolean holdsRequest() {
        return false;
    }

    @Override
    public boolean write(Queue<EnginePacket> packets, long holdMicros, boolean force) {
        if (!open || (inFlight && !force)) {
            return false;
        }
        for (EnginePacket p = packets.poll(); p != null; p = packets.poll()) {
            WebSocketFrame frame = p.isBinary()
                    ? new BinaryWebSocketFrame(Unpooled.wrappedBuffer(p.binary()))
                    : new TextWebSocketFrame(textFrame(p));
            if (!packets.isEmpty()) {
                channel.write(frame, channel.voidPromise());
                continue;
            }
            inFlight = true;
            channel.write(frame)
                    .addListener(
                            holdMicros > 0 ? f -> loop.schedule(doneTask, holdMicros, TimeUnit.MICROSECONDS) : written);
        }
        channel.flush();
        return true;
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
     * frames queued before it, for ever). With {@code abort}, closes it at once. Does nothing
     * before {@link #open}.
     */
    @Override
    public void close(boolean closedByClient, boolean abort) {
        if (!open) {
            return;
        }
        if (abort) {
            abort();
        } else if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame()).addListener(ChannelFutureListener.CLOSE);
            ScheduledFuture<?> deadline;
            try {
                deadline = channel.eventLoop().schedule(this::abort, closeGraceMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                abort();
                return;
            }
            channel.closeFuture().addListener(f -> deadline.cancel(false));
        }
    }

    /** Closes the connection at once, dropping whatever is still queued on it. */
    private void abort() {
        channel.close();
    }
}
