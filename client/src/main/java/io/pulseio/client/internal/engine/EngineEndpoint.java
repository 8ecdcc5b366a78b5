package io.pulseio.client.internal.engine;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Where an engine's requests go: the server's address, the host header, request paths with their
 * query, WebSocket URIs; and what every connection to it shares (extra headers, the WebSocket
 * handshake settings), built once rather than per connection.
 */
final class EngineEndpoint {
    private final EngineOptions options;
    private final String hostHeader;
    private final String authority;
    private final String extraQuery;
    private final InetSocketAddress address;
    private final HttpHeaders extraHeaders;
    /** The settings of a WebSocket handshake without a sid (WebSocket-only), made on first use. */
    private WebSocketClientProtocolConfig webSocketConfig;

    EngineEndpoint(EngineOptions options) {
        this.options = options;
        String host = options.host().indexOf(':') >= 0 && !options.host().startsWith("[")
                ? "[" + options.host() + "]"
                : options.host();
        int defaultPort = options.secure() ? 443 : 80;
        this.authority = host + ":" + options.port();
        this.hostHeader = options.port() == defaultPort ? host : authority;
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> e : options.query().entrySet()) {
            q.append('&').append(encode(e.getKey())).append('=').append(encode(e.getValue()));
        }
        this.extraQuery = q.toString();
        // An IP literal needs no resolver; a name is resolved per connection (its address may change).
        InetAddress literal = NetUtil.createInetAddressFromIpAddressString(options.host());
        this.address = literal != null
                ? new InetSocketAddress(literal, options.port())
                : InetSocketAddress.createUnresolved(options.host(), options.port());
        this.extraHeaders = Pipelines.headers(options.headers());
    }

    /** The server's address: resolved when the host is an IP literal, else unresolved. */
    InetSocketAddress address() {
        return address;
    }

    /** Extra headers for every request, as Netty headers (not to be changed). */
    HttpHeaders extraHeaders() {
        return extraHeaders;
    }

    /** The WebSocket handshake settings for {@code sid} (null: a handshake over WebSocket). */
    WebSocketClientProtocolConfig webSocketConfig(String sid) {
        if (sid != null) {
            return Pipelines.webSocketConfig(this, sid);
        }
        WebSocketClientProtocolConfig config = webSocketConfig;
        if (config == null) {
            config = Pipelines.webSocketConfig(this, null);
            webSocketConfig = config;
        }
        return config;
    }

    EngineOptions options() {
        return options;
    }

    /** The value of the {@code Host} header: host, plus the port when it is not the default. */
    String hostHeader() {
        return hostHeader;
    }

    /** The request target: path, then {@code EIO=4}, the transport, the sid (when known), the options' query. */
    String pathAndQuery(String transport, String sid) {
        StringBuilder b = new StringBuilder(options.path().length() + 64)
                .append(options.path())
                .append("?EIO=4&transport=")
                .append(transport);
        if (sid != null) {
            b.append("&sid=").append(encode(sid));
        }
        return b.append(extraQuery).toString();
    }

    /** The absolute {@code ws://} or {@code wss://} URI of a WebSocket connection. */
    String webSocketUri(String sid) {
        return (options.secure() ? "wss://" : "ws://") + authority + pathAndQuery("websocket", sid);
    }

    /** Extra headers for every request, in the options' order. */
    Map<String, List<String>> headers() {
        return options.headers();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
