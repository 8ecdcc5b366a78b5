package io.pulseio.server.internal.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.pulseio.server.RejectedInput;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP stage after the codec: one request at a time (a pipelined request waits, unread, until
 * the response to the one before is written), and the timeouts of Node's HTTP server — headers
 * ({@code headersTimeout}, from the connection's start or the request's first byte), the whole
 * request ({@code requestTimeout}), both answered 408 and closed, and the idle time between
 * requests ({@code keepAliveTimeout}), closed. Removes itself once the connection is a WebSocket.
 * Used on the channel's loop only.
 */
public final class HttpGuard extends ChannelDuplexHandler {
    private final ConnectionLimits limits;
    private final ConnectionGuard connection;
    private final ArrayDeque<Object> waiting = new ArrayDeque<>(2);
    private ChannelHandlerContext ctx;
    private boolean receiving;
    private boolean answering;
    private boolean idle;
    private ScheduledFuture<?> headersTimer;
    private ScheduledFuture<?> requestTimer;
    private ScheduledFuture<?> idleTimer;

    public HttpGuard(ConnectionLimits limits, ConnectionGuard connection) {
        this.limits = limits;
        this.connection = connection;
        connection.http(this);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        requestStarted();
        super.channelActive(ctx);
    }

    /** Bytes arrived (told by the connection stage): an idle connection starts a new request. */
    void onBytes() {
        if (idle) {
            idle = false;
            cancel(idleTimer);
            requestStarted();
        }
    }

    private void requestStarted() {
        headersTimer = schedule(limits.headersTimeoutMillis());
        requestTimer = schedule(limits.requestTimeoutMillis());
    }

    private ScheduledFuture<?> schedule(long millis) {
        return ctx.executor().schedule(this::timedOut, millis, TimeUnit.MILLISECONDS);
    }

    private void timedOut() {
        if (!ctx.channel().isActive() || answering) {
            return;
        }
        var response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_TIMEOUT, Unpooled.EMPTY_BUFFER);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        answering = true;
        limits.rejected(RejectedInput.REQUEST_TIMEOUT);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (answering || !waiting.isEmpty()) {
            waiting.add(msg);
            connection.pause(ctx.channel(), ConnectionGuard.HTTP_BUSY);
            return;
        }
        deliver(msg);
    }

    private void deliver(Object msg) {
        if (msg instanceof HttpRequest) {
            receiving = true;
            cancel(headersTimer);
        }
        if (msg instanceof LastHttpContent) {
            receiving = false;
            answering = true;
            cancel(requestTimer);
            connection.pause(ctx.channel(), ConnectionGuard.HTTP_BUSY);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        boolean upgraded = msg instanceof HttpResponse r && r.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS);
        boolean informational = msg instanceof HttpResponse r
                && !upgraded
                && r.status().codeClass() == io.netty.handler.codec.http.HttpStatusClass.INFORMATIONAL;
        boolean last = msg instanceof LastHttpContent && !informational;
        ctx.write(msg, promise.unvoid()).addListener(f -> {
            if (upgraded) {
                becameWebSocket();
            } else if (last) {
                answered();
            }
        });
    }

    private void answered() {
        answering = false;
        if (!ctx.channel().isActive()) {
            return;
        }
        while (!answering && !waiting.isEmpty()) {
            deliver(waiting.poll());
        }
        if (answering) {
            return;
        }
        if (!receiving) {
            idle = true;
            cancel(headersTimer);
            cancel(requestTimer);
            idleTimer = ctx.executor()
                    .schedule(
                            () -> {
                                if (idle) {
                                    ctx.channel().close();
                                }
                            },
                            limits.keepAliveTimeoutMillis(),
                            TimeUnit.MILLISECONDS);
        }
        connection.resume(ctx.channel(), ConnectionGuard.HTTP_BUSY);
    }

    private void becameWebSocket() {
        cancelAll();
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
        connection.http(null);
        if (ctx.pipeline().context(this) != null) {
            ctx.pipeline().remove(this);
        }
        connection.resume(ctx.channel(), ConnectionGuard.HTTP_BUSY);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelAll();
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
        super.channelInactive(ctx);
    }

    private void cancelAll() {
        idle = false;
        cancel(headersTimer);
        cancel(requestTimer);
        cancel(idleTimer);
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
