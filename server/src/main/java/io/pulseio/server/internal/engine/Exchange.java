package io.pulseio.server.internal.engine;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.pulseio.server.internal.netty.EngineError;
import io.pulseio.server.internal.netty.HttpResponses;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request to the Engine.IO path, copied out of Netty's buffers so that it can cross to
 * the session's thread, and the means to answer it once.
 */
public final class Exchange {
    final ChannelHandlerContext ctx;
    final String method;
    final Map<String, String> query;
    final String body;
    final boolean keepAlive;
    final HttpHeaders cors;
    final Map<String, String> headers;
    final String remoteAddress;
    private final FullHttpRequest request;
    private final EngineServerImpl engine;
    private boolean answered;

    private Exchange(
            EngineServerImpl engine,
            ChannelHandlerContext ctx,
            FullHttpRequest full,
            FullHttpRequest kept,
            Map<String, String> query,
            HttpHeaders cors,
            String body) {
        this.engine = engine;
        this.ctx = ctx;
        this.request = kept;
        this.headers = query.containsKey("sid") ? Map.of() : copyHeaders(full);
        this.remoteAddress = String.valueOf(ctx.channel().remoteAddress()).replaceFirst("^.*/", "");
        this.method = full.method().name();
        this.query = query;
        this.keepAlive = HttpUtil.isKeepAlive(full);
        this.cors = cors;
        this.body = body;
    }

    /** Copies what the engine needs; the request itself is kept only for WebSocket handshakes. */
    static Exchange of(
            EngineServerImpl engine,
            ChannelHandlerContext ctx,
            FullHttpRequest request,
            QueryStringDecoder qs,
            HttpHeaders cors,
            boolean keepRequest) {
        Map<String, String> query = new HashMap<>();
        for (Map.Entry<String, List<String>> e : qs.parameters().entrySet()) {
            if (!e.getValue().isEmpty()) {
                String name = SharedText.query(e.getKey(), e.getKey());
                query.put(name, SharedText.query(name, e.getValue().get(0)));
            }
        }
        String body = request.content().isReadable() ? request.content().toString(StandardCharsets.UTF_8) : "";
        return new Exchange(engine, ctx, request, keepRequest ? request : null, query, cors, body);
    }

    String param(String name) {
        return query.get(name);
    }

    /** The original request (retained by the caller), for a WebSocket handshake. */
    FullHttpRequest request() {
        return request;
    }

    private static Map<String, String> copyHeaders(FullHttpRequest request) {
        Map<String, String> out = new HashMap<>();
        request.headers().forEach(e -> {
            String name = SharedText.name(e.getKey());
            out.putIfAbsent(name, SharedText.headerValue(name, e.getValue()));
        });
        return Map.copyOf(out);
    }

    void reply(HttpResponseStatus status, String contentType, String body) {
        if (answered) {
            return;
        }
        answered = true;
        HttpResponses.send(ctx, status, contentType, body, cors, keepAlive);
    }

    void fail(EngineError error) {
        if (answered) {
            return;
        }
        answered = true;
        engine.rejected(error.kind());
        HttpResponses.error(ctx, error, cors, keepAlive);
    }
}
