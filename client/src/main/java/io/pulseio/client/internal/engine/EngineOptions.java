package io.pulseio.client.internal.engine;

import io.netty.handler.ssl.SslContext;
import java.util.List;
import java.util.Map;

/**
 * What an {@link Engine} needs to open a session. Built by the client from its public options.
 *
 * @param secure true for https/wss
 * @param host the server host
 * @param port the server port
 * @param path the Engine.IO path, with leading and trailing slash (default {@code /socket.io/})
 * @param query extra query parameters (EIO, transport and sid are added by the engine)
 * @param headers extra HTTP headers sent with every request and the WebSocket handshake
 * @param transports transports to try, in order: {@code ["polling", "websocket"]} by default;
 *     the first is used for the handshake, later ones are upgrade targets
 * @param upgrade whether to upgrade from polling to WebSocket when the server offers it
 * @param sslContext the TLS context when {@code secure}, else null
 * @param handshakeTimeoutMillis how long to wait for the handshake before failing with
 *     {@code "transport error"}
 * @param maxMessageBytes the largest WebSocket message or polling response body accepted from
 *     the server, in bytes ({@link #DEFAULT_MAX_MESSAGE_BYTES} unless given)
 */
public record EngineOptions(
        boolean secure,
        String host,
        int port,
        String path,
        Map<String, String> query,
        Map<String, List<String>> headers,
        List<String> transports,
        boolean upgrade,
        SslContext sslContext,
        long handshakeTimeoutMillis,
        int maxMessageBytes) {

    /** 100 MB: far above any server's default, so large messages are not cut off. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 100 * 1024 * 1024;

    public EngineOptions {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        transports = List.copyOf(transports);
        if (maxMessageBytes <= 0) {
            throw new IllegalArgumentException("maxMessageBytes must be positive, was " + maxMessageBytes);
        }
    }

    /** The options with {@link #DEFAULT_MAX_MESSAGE_BYTES}. */
    public EngineOptions(
            boolean secure,
            String host,
            int port,
            String path,
            Map<String, String> query,
            Map<String, List<String>> headers,
            List<String> transports,
            boolean upgrade,
            SslContext sslContext,
            long handshakeTimeoutMillis) {
        this(
                secure,
                host,
                port,
                path,
                query,
                headers,
                transports,
                upgrade,
                sslContext,
                handshakeTimeoutMillis,
                DEFAULT_MAX_MESSAGE_BYTES);
    }
}
