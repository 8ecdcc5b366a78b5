package io.pulseio.client.internal.engine;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.protocol.ProtocolException;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * WebSocket: one Engine.IO packet per frame, text frames written straight from the packet's
 * string, binary frames wrapping the packet's bytes. Writes stop while the socket's outbound
 * buffer is above its high-water mark and resume (with {@link Listener#onDrain}) below it.
 * Also the last stage of its own channel's pipeline.
 */
@ChannelHandler.Sharable
final class WebSocketTransport extends ChannelInboundHandlerAdapter implements Transport {
    static final String NAME = "websocket";
    /** How long a close frame may take before the connection is dropped anyway. */
    private static final long CLOSE_GRACE_MILLIS = 1000;

    private final EngineEndpoint endpoint;
    private final EventLoop loop;
    private final Listener listener;
    private final String sid;
    private Channel channel;
    private boolean connected;
    private boolean closed;
    /** The last frame of the latest write, until it has been flushed and one more loop turn passed. */
    private ChannelFuture lastWrite;
    /** Runs once {@link #lastWrite} has settled (see {@link #settled}). */
    private Runnable whenSettled;

    /** @param sid the session to upgrade (a probe), or null to handshake over WebSocket */
    WebSocketTransport(EngineEndpoint endpoint, EventLoop loop, Listener listener, String sid) {
        this.endpoint = endpoint;
        this.loop = loop;
        this.listener = listener;
        this.sid = sid;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void open() {
        EngineOptions options = endpoint.options();
        // A handshake over WebSocket runs under the session's handshake timer, which also bounds the
        // TCP connect; a probe (sid given) runs after it, so it keeps a connect timeout of its own.
        long timeout = options.handshakeTimeoutMillis();
        int connectTimeout = sid == null && timeout > 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout));
        ChannelFuture connecting = Pipelines.bootstrap(loop, connectTimeout)
                .handler(Pipelines.webSocket(endpoint, sid, this))
                .connect(endpoint.address());
        channel = connecting.channel();
        if (connecting.isDone()) {
            if (!connecting.isSuccess()) {
                failed("transport error", connecting.cause());
            }
            return;
        }
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                failed("transport error", f.cause());
            }
        });
    }

    /** The connection (for tests). */
    Channel channel() {
        return channel;
    }

    @Override
    public void sid(String sid) {
        // The sid travels in the URI of the handshake only; nothing to do afterwards.
    }

    @Override
    public boolean writable() {
        return connected && !closed && channel.isWritable();
    }

    @Override
    public void write(Queue<EnginePacket> buffer, long maxPayload) {
        Channel ch = channel;
        // The last frame gets a real promise (to know when the write has left), the others none.
        WebSocketFrame held = null;
        EnginePacket packet;
        while (ch.isWritable() && (packet = buffer.poll()) != null) {
            if (held != null) {
                ch.write(held, ch.voidPromise());
            }
            held = WireFormat.frame(packet, ch.alloc());
        }
        if (held != null) {
            ChannelFuture written = ch.writeAndFlush(held);
            lastWrite = written;
            written.addListener(f -> loop.execute(() -> afterWritten(f)));
        }
    }

    @Override
    public boolean settled(Runnable task) {
        if (lastWrite == null) {
            return true;
        }
        whenSettled = task;
        return false;
    }

    /**
     * One loop turn after a write left: settled, unless a later write followed. A failed write fails
     * the transport, as the void promises of the other frames do (through exceptionCaught).
     */
    private void afterWritten(Future<?> written) {
        if (!written.isSuccess()) {
            failed("transport error", written.cause());
            return;
        }
        if (written != lastWrite) {
            return;
        }
        lastWrite = null;
        Runnable task = whenSettled;
        whenSettled = null;
        if (task != null && !closed) {
            task.run();
        }
    }

    /** Writes and flushes one packet now, ahead of the session's buffer (probe and upgrade packets). */
    void writeNow(EnginePacket packet) {
        channel.writeAndFlush(WireFormat.frame(packet, channel.alloc()), channel.voidPromise());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (channel == null) {
            return;
        }
        if (connected && channel.isActive()) {
            Channel ch = channel;
            ChannelFuture written = ch.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                    .addListener(ChannelFutureListener.CLOSE);
            if (!written.isDone()) {
                // Still queued (the server is not reading): drop the connection anyway after a grace period.
                loop.schedule(
                        () -> {
                            ch.close();
                        },
                        CLOSE_GRACE_MILLIS,
                        TimeUnit.MILLISECONDS);
            }
        } else {
            channel.close();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            connected = true;
            if (!closed) {
                listener.onConnected(this);
            }
        } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            failed("transport error", new TimeoutException("WebSocket handshake timed out"));
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (closed) {
                return;
            }
            EnginePacket packet;
            if (msg instanceof TextWebSocketFrame text) {
                packet = WireFormat.decodeText(text.content());
            } else if (msg instanceof BinaryWebSocketFrame binary) {
                packet = WireFormat.decodeBinary(binary.content());
            } else {
                return;
            }
            listener.onPacket(this, packet);
        } catch (ProtocolException e) {
            failed("parse error", e);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (connected && !closed && ctx.channel().isWritable()) {
            listener.onDrain(this);
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failed("transport error", cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (connected) {
            failed("transport close", null);
        } else {
            failed("transport error", new IOException("connection closed during the WebSocket handshake"));
        }
        super.channelInactive(ctx);
    }

    private void failed(String reason, Throwable cause) {
        if (closed) {
            return;
        }
        closed = true;
        if (channel != null) {
            channel.close();
        }
        listener.onFailure(this, reason, cause);
    }
}
