package io.pulseio.client.internal.engine;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The channel pipelines of an engine: one method per kind of connection, each a list of stages. */
final class Pipelines {
    /** The largest WebSocket handshake response we accept. */
    private static final int MAX_HANDSHAKE_RESPONSE = 64 * 1024;

    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

    private Pipelines() {}

    /** A bootstrap for connections to the endpoint's server, on {@code loop}. */
    static Bootstrap bootstrap(EventLoop loop, EngineOptions options) {
        return bootstrap(loop, (int) Math.min(Integer.MAX_VALUE, Math.max(1, options.handshakeTimeoutMillis())));
    }

    /**
     * A bootstrap for connections on {@code loop}: Nagle off, bounded write buffer.
     *
     * @param connectTimeoutMillis the TCP connect timeout; 0 for none (a timer of the caller's covers it)
     */
    static Bootstrap bootstrap(EventLoop loop, int connectTimeoutMillis) {
        return new Bootstrap()
                .group(loop)
                .channel(NativeIo.socketChannel(loop))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK);
    }

    /** HTTP/1.1 keep-alive connection for polling: TLS?, codec, bounded aggregator, exchange. */
    static ChannelHandler http(EngineOptions options, HttpExchangeHandler exchange) {
        return new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ChannelPipeline p = ch.pipeline();
                addTls(p, ch, options);
                p.addLast("http", new HttpClientCodec());
                p.addLast("aggregate", new HttpObjectAggregator(options.maxMessageBytes()));
                p.addLast("exchange", exchange);
            }
        };
    }

    /** WebSocket connection: TLS?, HTTP codec for the handshake, WebSocket protocol, frame aggregation, engine frames. */
    static ChannelHandler webSocket(EngineEndpoint endpoint, String sid, ChannelHandler frames) {
        EngineOptions options = endpoint.options();
        WebSocketClientProtocolConfig config = endpoint.webSocketConfig(sid);
        return new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ChannelPipeline p = ch.pipeline();
                addTls(p, ch, options);
                p.addLast("http", new HttpClientCodec());
                p.addLast("aggregate", new HttpObjectAggregator(MAX_HANDSHAKE_RESPONSE));
                p.addLast("websocket", new WebSocketClientProtocolHandler(config));
                p.addLast("messages", new WebSocketFrameAggregator(options.maxMessageBytes()));
                p.addLast("frames", frames);
            }
        };
    }

    /** The settings of a WebSocket handshake with the endpoint's server for {@code sid} (or null). */
    static WebSocketClientProtocolConfig webSocketConfig(EngineEndpoint endpoint, String sid) {
        EngineOptions options = endpoint.options();
        return WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(URI.create(endpoint.webSocketUri(sid)))
                .version(WebSocketVersion.V13)
                .customHeaders(endpoint.extraHeaders())
                .maxFramePayloadLength(options.maxMessageBytes())
                .handshakeTimeoutMillis(Math.max(1, options.handshakeTimeoutMillis()))
                .generateOriginHeader(false)
                .withUTF8Validator(false)
                .dropPongFrames(true)
                .build();
    }

    /** The extra headers as Netty headers. */
    static HttpHeaders headers(Map<String, List<String>> extra) {
        HttpHeaders headers = new DefaultHttpHeaders();
        extra.forEach(headers::add);
        return headers;
    }

    private static void addTls(ChannelPipeline p, Channel ch, EngineOptions options) {
        if (options.secure()) {
            if (options.sslContext() == null) {
                throw new IllegalStateException("secure connection without an SslContext");
            }
            p.addLast("tls", options.sslContext().newHandler(ch.alloc(), options.host(), options.port()));
        }
    }
}
