package io.pulseio.nodes.socketio.internal.server;

import io.pulseio.admin.AdminOptions;
import io.pulseio.server.AdapterSettings;
import io.pulseio.server.ServerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One entry of {@code settings.socketio.servers}, checked and with defaults applied. Immutable.
 *
 * @param port                0: any free port (On Socket.IO Server Start tells which)
 * @param corsOrigins         empty: no CORS headers
 * @param tlsCert             null: plain HTTP; else the PEM certificate chain, with {@code tlsKey}
 * @param recoveryMillis      0: connection state recovery off; else its {@code maxDisconnectionDuration}
 * @param adapter             null: a server of its own; else the cluster it joins (its adapter is found at run
 *                            time: {@code pulseio-adapter-redis} for {@code redis://})
 * @param admin               null: no Admin UI namespace; else how {@code Admin.instrument} sets it up
 * @param metrics             null: no scrape endpoint of its own; else where it serves {@code GET /metrics}
 */
public record ServerSettings(
        String name,
        String host,
        int port,
        String path,
        List<String> corsOrigins,
        String tlsCert,
        String tlsKey,
        long pingIntervalMillis,
        long pingTimeoutMillis,
        long connectTimeoutMillis,
        long maxHttpBufferSize,
        long recoveryMillis,
        AdapterSettings adapter,
        AdminOptions admin,
        MetricsSetting metrics) {
    /** Every interface: what people who let phones and tablets reach an HMI server expect. */
    public static final String DEFAULT_HOST = "0.0.0.0";

    public static final String DEFAULT_PATH = "/socket.io/";
    /** socket.io's defaults. */
    public static final long DEFAULT_PING_INTERVAL_MILLIS = 25_000;

    public static final long DEFAULT_PING_TIMEOUT_MILLIS = 20_000;
    public static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 45_000;
    public static final long DEFAULT_MAX_HTTP_BUFFER_SIZE = 1_000_000;
    /** socket.io's default {@code maxDisconnectionDuration} when recovery is simply switched on. */
    public static final long DEFAULT_RECOVERY_MILLIS = 120_000;

    public ServerSettings {
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** Without a metrics endpoint. */
    public ServerSettings(
            String name,
            String host,
            int port,
            String path,
            List<String> corsOrigins,
            String tlsCert,
            String tlsKey,
            long pingIntervalMillis,
            long pingTimeoutMillis,
            long connectTimeoutMillis,
            long maxHttpBufferSize,
            long recoveryMillis,
            AdapterSettings adapter,
            AdminOptions admin) {
        this(
                name,
                host,
                port,
                path,
                corsOrigins,
                tlsCert,
                tlsKey,
                pingIntervalMillis,
                pingTimeoutMillis,
                connectTimeoutMillis,
                maxHttpBufferSize,
                recoveryMillis,
                adapter,
                admin,
                null);
    }

    /** A server of its own (no cluster adapter). */
    public ServerSettings(
            String name,
            String host,
            int port,
            String path,
            List<String> corsOrigins,
            String tlsCert,
            String tlsKey,
            long pingIntervalMillis,
            long pingTimeoutMillis,
            long connectTimeoutMillis,
            long maxHttpBufferSize,
            long recoveryMillis) {
        this(
                name,
                host,
                port,
                path,
                corsOrigins,
                tlsCert,
                tlsKey,
                pingIntervalMillis,
                pingTimeoutMillis,
                connectTimeoutMillis,
                maxHttpBufferSize,
                recoveryMillis,
                null,
                null);
    }

    /** Names the server and where it listens. */
    @Override
    public String toString() {
        return "Server[" + name + ", " + host + ":" + port + path
                + (adapter == null ? "" : ", cluster " + adapter.shownUrl()) + "]";
    }

    /**
     * The server's options; one I/O thread per server is plenty for the logic's traffic.
     *
     * @throws IllegalArgumentException when the server rejects a value
     */
    public ServerOptions toServerOptions() {
        ServerOptions.Builder b = ServerOptions.builder()
                .host(host)
                .port(port)
                .path(path)
                .pingInterval(Duration.ofMillis(pingIntervalMillis))
                .pingTimeout(Duration.ofMillis(pingTimeoutMillis))
                .connectTimeout(Duration.ofMillis(connectTimeoutMillis))
                .maxHttpBufferSize(maxHttpBufferSize)
                .corsOrigins(corsOrigins.toArray(String[]::new))
                .ioThreads(1);
        if (tlsCert != null) {
            b.tls(Path.of(tlsCert), Path.of(tlsKey));
        }
        if (recoveryMillis > 0) {
            b.connectionStateRecovery(Duration.ofMillis(recoveryMillis));
        }
        if (adapter != null) {
            b.cluster(adapter);
        }
        if (admin != null && !corsOrigins.isEmpty()) {
            b.corsCredentials(true); // the Admin UI's page connects with credentials
        }
        return b.build();
    }
}
