package io.pulseio.server.internal.engine;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.pulseio.server.RejectedInput;
import io.pulseio.server.internal.netty.Cors;
import io.pulseio.server.internal.netty.HttpResponses;
import io.pulseio.server.internal.netty.PageResponder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes HTTP requests: other paths go to the pages (404 without them), CORS preflights 204, the rest go to the engine. */
final class HttpRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.server");

    private final EngineServerImpl engine;

    HttpRequestHandler(EngineServerImpl engine) {
        this.engine = engine;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            engine.rejected(RejectedInput.BAD_REQUEST);
            HttpResponses.send(ctx, HttpResponseStatus.BAD_REQUEST, HttpResponses.TEXT, "Bad Request", null, false);
            return;
        }
        QueryStringDecoder qs = new QueryStringDecoder(request.uri());
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!engine.handlesPath(qs.path())) {
            if (engine.options().pages() != null) {
                PageResponder.answer(ctx, engine.options().pages(), request, qs, keepAlive);
                return;
            }
            HttpResponses.send(ctx, HttpResponseStatus.NOT_FOUND, HttpResponses.TEXT, "Not Found", null, keepAlive);
            return;
        }
        Cors cors = engine.cors();
        if (HttpMethod.OPTIONS.equals(request.method()) && cors.enabled()) {
            HttpResponses.send(ctx, HttpResponseStatus.NO_CONTENT, null, "", cors.preflightHeaders(request), keepAlive);
            return;
        }
        boolean upgrade = HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(
                request.headers().get(HttpHeaderNames.UPGRADE, ""));
        if (upgrade) {
            engine.onUpgrade(Exchange.of(engine, ctx, request.retain(), qs, cors.headersFor(request), true));
        } else {
            engine.onRequest(Exchange.of(engine, ctx, request, qs, cors.headersFor(request), false));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("HTTP connection failed", cause);
        ctx.close();
    }
}
