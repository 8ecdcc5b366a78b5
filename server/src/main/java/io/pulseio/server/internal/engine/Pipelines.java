package io.pulseio.server.internal.engine;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.internal.netty.ConnectionGuard;
import io.pulseio.server.internal.netty.ConnectionLimits;
import io.pulseio.server.internal.netty.HttpGuard;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The stages of a connection's pipeline, in order, in one place. Every connection starts as HTTP:
 * <ol>
 *   <li>{@code guard}: the connection count, back-pressure and the outbound bound ({@link ConnectionGuard});
 *   <li>{@code tls}, when a certificate is configured;
 *   <li>{@code http}: the HTTP/1.1 codec;
 *   <li>{@code http-guard}: one request at a time, the header, body and keep-alive timeouts
 *       ({@link HttpGuard});
 *   <li>{@code aggregator}: the whole body, at most {@code maxHttpBufferSize} ({@link LimitedAggregator});
 *   <li>{@code router}: the Engine.IO request rules ({@link HttpRequestHandler}).
 * </ol>
 * A WebSocket upgrade then replaces the router with {@code ws-aggregator} (a message's frames, at
 * most {@code maxHttpBufferSize}) and {@code ws-frames} ({@link WebSocketFrameHandler}); the HTTP
 * guard removes itself. Made once per server, at start; its methods run on the channel's loop.
 */
final class Pipelines {
    private final EngineServerImpl engine;
    private final ConnectionLimits limits;
    private final SslContext tls;
    private final int maxBody;

    /** Loads the TLS certificate and key if configured; fails with an UncheckedIOException. */
    Pipelines(EngineServerImpl engine, ServerOptions options) {
        this.engine = engine;
        this.limits = new ConnectionLimits(options, engine::rejected);
        this.tls = tls(options);
        this.maxBody = (int) options.maxHttpBufferSize();
    }

    /** The connections open now (each counted by its {@code guard}). */
    int openConnections() {
        return limits.openConnections();
    }

    /** A new connection's stages. */
    void http(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        ConnectionGuard guard = new ConnectionGuard(limits);
        p.addLast("guard", guard);
        if (tls != null) {
            p.addLast("tls", tls.newHandler(ch.alloc()));
        }
        p.addLast("http", new HttpServerCodec());
        p.addLast("http-guard", new HttpGuard(limits, guard));
        p.addLast("aggregator", new LimitedAggregator(maxBody, engine));
        p.addLast("router", new HttpRequestHandler(engine));
    }

    /** The router's connection becomes {@code session}'s WebSocket (before the handshake's reply). */
    void webSocket(ChannelHandlerContext router, EngineSession session) {
        ChannelPipeline p = router.pipeline();
        p.addAfter(router.name(), "ws-aggregator", new WebSocketFrameAggregator(maxBody));
        p.addAfter("ws-aggregator", "ws-frames", new WebSocketFrameHandler(session));
        p.remove(router.name());
    }

    private static SslContext tls(ServerOptions options) {
        if (options.tlsCertificate() == null) {
            return null;
        }
        try {
            return SslContextBuilder.forServer(
                            options.tlsCertificate().toFile(),
                            options.tlsPrivateKey().toFile())
                    .build();
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(
                    "cannot load TLS certificate or key: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }
}
