package io.pulseio.server.internal.engine;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.pulseio.server.RejectedInput;
import java.util.List;

/**
 * Collects request bodies up to {@code maxHttpBufferSize}; a larger one is answered 413, the
 * connection closed, and the session it names dropped.
 */
final class LimitedAggregator extends HttpObjectAggregator {
    private final EngineServerImpl engine;

    LimitedAggregator(int maxContentLength, EngineServerImpl engine) {
        super(maxContentLength);
        this.engine = engine;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        if (oversized instanceof HttpRequest request) {
            List<String> sid =
                    new QueryStringDecoder(request.uri()).parameters().get("sid");
            engine.rejected(RejectedInput.BODY_TOO_LARGE);
            engine.onOversizedBody(sid == null || sid.isEmpty() ? null : sid.get(0));
            var response =
                    new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            response.headers().add(engine.cors().headersFor(request));
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }
}
