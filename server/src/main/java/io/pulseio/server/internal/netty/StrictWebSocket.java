package io.pulseio.server.internal.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker13;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * WebSocket handshakes whose frame decoder answers a bad close frame as Node's {@code ws} does:
 * a close code outside 1000–1014 and 3000–4999, or one of 1004–1006, or a one-byte body, gets
 * close 1002; a reason that is not UTF-8 gets 1007. Netty's own decoder marks the closing
 * handshake as received before it checks the body, so it closes without any close frame.
 */
public final class StrictWebSocket {
    private StrictWebSocket() {}

    /**
     * The handshaker for {@code request}: ours for version 13 (every current client), Netty's for
     * the older drafts; null when the version is not supported.
     */
    public static WebSocketServerHandshaker handshaker(HttpRequest request, String url, int maxFramePayload) {
        if ("13".equals(request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_VERSION))) {
            WebSocketDecoderConfig config = WebSocketDecoderConfig.newBuilder()
                    .maxFramePayloadLength(maxFramePayload)
                    .allowExtensions(false)
                    .build();
            return new Handshaker(url, config);
        }
        return new WebSocketServerHandshakerFactory(url, null, false, maxFramePayload).newHandshaker(request);
    }

    /** Whether {@code code} may be sent in a close frame (RFC 6455 7.4, as {@code ws} checks). */
    static boolean validCloseCode(int code) {
        return (code >= 1000 && code <= 1014 && code != 1004 && code != 1005 && code != 1006)
                || (code >= 3000 && code <= 4999);
    }

    private static final class Handshaker extends WebSocketServerHandshaker13 {
        Handshaker(String url, WebSocketDecoderConfig config) {
            super(url, null, config);
        }

        @Override
        protected WebSocketFrameDecoder newWebsocketDecoder() {
            return new Decoder(decoderConfig());
        }
    }

    private static final class Decoder extends WebSocket13FrameDecoder {
        Decoder(WebSocketDecoderConfig config) {
            super(config);
        }

        @Override
        protected void checkCloseFrameBody(ChannelHandlerContext ctx, ByteBuf body) {
            if (body == null || !body.isReadable()) {
                return;
            }
            if (body.readableBytes() < 2) {
                fail(ctx, WebSocketCloseStatus.PROTOCOL_ERROR, "close frame with a one-byte body");
            }
            int code = body.getUnsignedShort(body.readerIndex());
            if (!validCloseCode(code)) {
                fail(ctx, WebSocketCloseStatus.PROTOCOL_ERROR, "invalid close code " + code);
            }
            ByteBuffer reason = body.nioBuffer(body.readerIndex() + 2, body.readableBytes() - 2);
            try {
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(reason);
            } catch (CharacterCodingException e) {
                fail(ctx, WebSocketCloseStatus.INVALID_PAYLOAD_DATA, "close reason is not UTF-8");
            }
        }

        /** Answers with a close frame of {@code status}, closes, and stops decoding. */
        private static void fail(ChannelHandlerContext ctx, WebSocketCloseStatus status, String why) {
            ctx.writeAndFlush(new CloseWebSocketFrame(status.code(), why)).addListener(ChannelFutureListener.CLOSE);
            throw new CorruptedWebSocketFrameException(status, why);
        }
    }
}
