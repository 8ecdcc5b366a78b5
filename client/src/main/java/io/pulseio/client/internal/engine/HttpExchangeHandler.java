package io.pulseio.client.internal.engine;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import java.io.IOException;

/**
 * The last stage of a polling connection: hands the one response of the request in flight to
 * its callback, or the failure (exception, or the connection closing first). One request at a
 * time per connection; the response is released after the callback returns.
 */
final class HttpExchangeHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
    /** What happens to one request. */
    interface Callback {
        void onResponse(FullHttpResponse response);

        /** @param beforeResponse true when nothing at all came back (the request may be retried) */
        void onFailure(Throwable cause, boolean beforeResponse);
    }

    private Callback pending;

    /** The callback of the request about to be written on this connection. */
    void expect(Callback callback) {
        if (pending != null) {
            throw new IllegalStateException("a request is already in flight on this connection");
        }
        pending = callback;
    }

    boolean busy() {
        return pending != null;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
        Callback callback = pending;
        pending = null;
        if (callback != null) {
            callback.onResponse(response);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        fail(new IOException("connection to the server closed before the response"), true);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset connection (IOException) sent nothing back; a decoder failure means a bad response.
        fail(cause, cause instanceof IOException);
        ctx.close();
    }

    /** Fails the request in flight, if any (e.g. because it could not be written). */
    void fail(Throwable cause, boolean beforeResponse) {
        Callback callback = pending;
        pending = null;
        if (callback != null) {
            callback.onFailure(cause, beforeResponse);
        }
    }
}
