package io.pulseio.server.internal.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.pulseio.server.HttpPages;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers a request outside the Socket.IO path through the server's {@link HttpPages}. */
public final class PageResponder {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.server");

    private PageResponder() {}

    public static void answer(
            ChannelHandlerContext ctx,
            HttpPages pages,
            FullHttpRequest request,
            QueryStringDecoder qs,
            boolean keepAlive) {
        HttpPages.Response response;
        try {
            response = pages.answer(toRequest(request, qs));
        } catch (RuntimeException e) {
            LOG.warn("page handler failed for {}", qs.path(), e);
            response = HttpPages.Response.text(500, "Internal Server Error");
        }
        if (response == null) {
            response = HttpPages.Response.text(404, "Not Found");
        }
        boolean head = HttpMethod.HEAD.equals(request.method());
        FullHttpResponse out = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(response.body()));
        response.headers().forEach(out.headers()::set);
        if (response.contentType() != null) {
            out.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        }
        out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        if (!keepAlive) {
            out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        var future = ctx.writeAndFlush(out);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static HttpPages.Request toRequest(FullHttpRequest request, QueryStringDecoder qs) {
        Map<String, String> query = new HashMap<>();
        for (Map.Entry<String, List<String>> e : qs.parameters().entrySet()) {
            if (!e.getValue().isEmpty()) {
                query.put(e.getKey(), e.getValue().get(0));
            }
        }
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        return new HttpPages.Request(request.method().name(), qs.path(), query, headers);
    }
}
