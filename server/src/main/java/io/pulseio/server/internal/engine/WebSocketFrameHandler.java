package io.pulseio.server.internal.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.pulseio.protocol.EnginePacketType;
import io.pulseio.server.RejectedInput;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands the (aggregated) frames of one WebSocket to its Engine.IO session. */
final class WebSocketFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.server");

    private static final byte MESSAGE = (byte) EnginePacketType.MESSAGE.digit();

    private final EngineSession session;

    WebSocketFrameHandler(EngineSession session) {
        this.session = session;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame text) {
            ByteBuf content = text.content();
            int start = content.readerIndex();
            if (content.readableBytes() > 1 && content.getByte(start) == MESSAGE) {
                // the common case: the message's text straight from the frame, without the text of the
                // whole frame being made first and then cut after its type digit
                session.onWebSocketMessage(
                        ctx.channel(),
                        content.toString(start + 1, content.readableBytes() - 1, StandardCharsets.UTF_8));
            } else {
                session.onWebSocketText(ctx.channel(), text.text());
            }
        } else if (frame instanceof BinaryWebSocketFrame binary) {
            session.onWebSocketBinary(ctx.channel(), ByteBufUtil.getBytes(binary.content()));
        } else if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        } else if (frame instanceof CloseWebSocketFrame close) {
            // as Node's ws: the client's code (checked by StrictWebSocket) is echoed, none gets none
            CloseWebSocketFrame reply = close.statusCode() < 0
                    ? new CloseWebSocketFrame()
                    : new CloseWebSocketFrame(close.statusCode(), close.reasonText());
            ctx.writeAndFlush(reply).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        session.onWebSocketClosed(ctx.channel());
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("WebSocket failed", cause);
        if (cause instanceof CorruptedWebSocketFrameException corrupt) {
            session.rejected(
                    corrupt.closeStatus() != null
                                    && corrupt.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()
                            ? RejectedInput.BODY_TOO_LARGE
                            : RejectedInput.WEBSOCKET_PROTOCOL_ERROR);
        } else if (cause instanceof TooLongFrameException) {
            session.rejected(RejectedInput.BODY_TOO_LARGE);
        }
        ctx.close();
    }
}
