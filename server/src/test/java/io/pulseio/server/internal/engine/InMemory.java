package io.pulseio.server.internal.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.pulseio.server.DisconnectReason;
import io.pulseio.server.EngineSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests to an engine on {@link EmbeddedChannel}s, without a socket: each channel plays one
 * connection of a client, its virtual clock frozen until a test moves it. Single-threaded.
 */
final class InMemory {
    private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

    private InMemory() {}

    /** What the one session of an engine did, as its listener heard it: the engine's connection listener. */
    static final class Recorder implements Consumer<EngineSocket> {
        final List<String> received = new ArrayList<>();
        final List<DisconnectReason> reasons = new ArrayList<>();
        EngineSocket socket;
        boolean upgraded;

        @Override
        public void accept(EngineSocket s) {
            socket = s;
            s.listen(new EngineSocket.Listener() {
                @Override
                public void onMessage(String text) {
                    received.add(text);
                }

                @Override
                public void onUpgrade() {
                    upgraded = true;
                }

                @Override
                public void onClose(DisconnectReason reason) {
                    reasons.add(reason);
                }
            });
        }
    }

    /** Opens a polling session with a handshake GET on {@code ch}; returns the handshake's answer. */
    static String handshake(EngineServerImpl engine, EmbeddedChannel ch) {
        send(engine, ch, HttpMethod.GET, "EIO=4&transport=polling", "");
        return answer(ch);
    }

    /** The session id in a handshake's answer. */
    static String sid(String handshake) {
        Matcher m = SID.matcher(handshake);
        if (!m.find()) {
            throw new AssertionError("no sid in " + handshake);
        }
        return m.group(1);
    }

    /** A connection whose last stage is a placeholder for the router, named {@code "router"}. */
    static EmbeddedChannel channel(ChannelHandler... before) {
        EmbeddedChannel ch = new EmbeddedChannel(before);
        ch.pipeline().addLast("router", new ChannelInboundHandlerAdapter());
        ch.freezeTime();
        return ch;
    }

    static FullHttpRequest request(HttpMethod method, String query, String body) {
        return new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1,
                method,
                "/engine.io/?" + query,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    }

    /** Gives {@code engine} a plain HTTP request made on {@code ch}, as the router does. */
    static void send(EngineServerImpl engine, EmbeddedChannel ch, HttpMethod method, String query, String body) {
        FullHttpRequest request = request(method, query, body);
        try {
            engine.onRequest(exchange(engine, ch, request, false));
        } finally {
            request.release();
        }
    }

    static Exchange exchange(
            EngineServerImpl engine, EmbeddedChannel ch, FullHttpRequest request, boolean keepRequest) {
        return Exchange.of(
                engine,
                ch.pipeline().context("router"),
                request,
                new QueryStringDecoder(request.uri()),
                engine.cors().headersFor(request),
                keepRequest);
    }

    /** The status and body of the next HTTP answer written on {@code ch}, or null when none is. */
    static String answer(EmbeddedChannel ch) {
        FullHttpResponse r = ch.readOutbound();
        if (r == null) {
            return null;
        }
        try {
            return r.status().code() + " " + r.content().toString(StandardCharsets.UTF_8);
        } finally {
            r.release();
        }
    }

    /**
     * Gives {@code engine} a WebSocket handshake request made on {@code ws} (a channel with the HTTP
     * codec the handshake replaces) and checks its 101 reply; frames written with the reply are
     * left for {@link #frames}.
     */
    static void webSocketHandshake(EngineServerImpl engine, EmbeddedChannel ws, String query) {
        FullHttpRequest request = request(HttpMethod.GET, query, "");
        request.headers()
                .set(HttpHeaderNames.HOST, "x")
                .set(HttpHeaderNames.UPGRADE, "websocket")
                .set(HttpHeaderNames.CONNECTION, "Upgrade")
                .set(HttpHeaderNames.SEC_WEBSOCKET_KEY, "dGhlIHNhbXBsZSBub25jZQ==")
                .set(HttpHeaderNames.SEC_WEBSOCKET_VERSION, "13");
        engine.onUpgrade(exchange(engine, ws, request, true)); // releases the request
        ByteBuf reply = written(ws);
        String text = reply.toString(StandardCharsets.US_ASCII);
        if (!text.startsWith("HTTP/1.1 101")) {
            reply.release();
            throw new AssertionError("not a 101: " + text);
        }
        int head = text.indexOf("\r\n\r\n") + 4;
        if (head < reply.writerIndex()) {
            ws.outboundMessages().add(reply.retainedSlice(head, reply.writerIndex() - head));
        }
        reply.release();
    }

    /** The frames the server wrote on {@code ws} since the last call: text, or "close". */
    static List<String> frames(EmbeddedChannel ws) {
        ByteBuf b = written(ws);
        try {
            List<String> out = new ArrayList<>();
            while (b.isReadable()) {
                int opcode = b.readByte() & 0x0f;
                int length = b.readByte() & 0x7f; // the server's frames are not masked
                if (length == 126) {
                    length = b.readUnsignedShort();
                }
                String payload =
                        b.readCharSequence(length, StandardCharsets.UTF_8).toString();
                out.add(opcode == 1 ? payload : opcode == 8 ? "close" : "opcode " + opcode);
            }
            return out;
        } finally {
            b.release();
        }
    }

    /** Everything written on {@code ch} so far, as bytes in one buffer (the caller releases it). */
    static ByteBuf written(EmbeddedChannel ch) {
        ByteBuf all = Unpooled.buffer();
        for (Object o = ch.readOutbound(); o != null; o = ch.readOutbound()) {
            ByteBuf b = (ByteBuf) o;
            all.writeBytes(b);
            b.release();
        }
        return all;
    }
}
