package io.pulseio.nodes.socketio.internal.server;

/**
 * A hosted server's {@code metrics} setting: its own Prometheus scrape endpoint ({@code GET /metrics}) on
 * {@code host:port}, started with the server and closed with it.
 *
 * @param host the address to bind, {@code 127.0.0.1} by default
 * @param port 0..65535, never the server's own
 */
public record MetricsSetting(String host, int port) {
    public static final String DEFAULT_HOST = "127.0.0.1";
}
