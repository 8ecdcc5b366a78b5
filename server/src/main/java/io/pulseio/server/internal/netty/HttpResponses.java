package io.pulseio.server.internal.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Writes complete HTTP responses, keeping or closing the connection as the request allows. */
public final class HttpResponses {
    public static final String TEXT = "text/plain; charset=UTF-8";
    public static final String HTML = "text/html";
    public static final String JSON = "application/json";

    private HttpResponses() {}

    /** Sends a response; safe from any thread. */
    public static void send(
            ChannelHandlerContext ctx,
            HttpResponseStatus status,
            String contentType,
            String body,
            HttpHeaders extra,
            boolean keepAlive) {
        ByteBuf content =
                body.isEmpty() ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8));
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        HttpHeaders headers = response.headers();
        if (extra != null) {
            headers.add(extra);
        }
        if (contentType != null) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        if (!keepAlive) {
            headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        var future = ctx.writeAndFlush(response);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Sends an Engine.IO error: its status and the JSON body {@code {"code":N,"message":"..."}}. */
    public static void error(ChannelHandlerContext ctx, EngineError error, HttpHeaders extra, boolean keepAlive) {
        send(ctx, error.status(), JSON, error.json(), extra, keepAlive);
    }
}
