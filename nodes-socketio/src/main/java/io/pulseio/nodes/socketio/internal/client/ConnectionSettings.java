package io.pulseio.nodes.socketio.internal.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.EventLoops;
import io.pulseio.client.Transport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * One entry of {@code settings.socketio.connections}, checked and with defaults applied. Immutable
 * (the auth object is copied in and out).
 *
 * @param port null: the URL's port, else 80 for http/ws and 443 for https/wss
 * @param auth null: no auth object
 * @param tlsCa null unless set; likewise {@code trustStore} and {@code trustStorePassword}
 * @param retries resends of an emit the server did not acknowledge within the ack timeout; 0: off
 */
public record ConnectionSettings(
        String name,
        String url,
        Integer port,
        String path,
        List<Transport> transports,
        Reconnection reconnection,
        long connectTimeoutMillis,
        long ackTimeoutMillis,
        ObjectNode auth,
        Map<String, String> query,
        Map<String, List<String>> headers,
        String tlsCa,
        String trustStore,
        String trustStorePassword,
        boolean insecure,
        int sendBufferSize,
        int retries) {

    /** Default Engine.IO path. */
    public static final String DEFAULT_PATH = ClientOptions.DEFAULT_PATH;
    /** Default connect timeout, as the JavaScript client's. */
    public static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 20_000;
    /** Default time Send With Ack waits for its reply. */
    public static final long DEFAULT_ACK_TIMEOUT_MILLIS = 10_000;

    /** Settings without retries. */
    public ConnectionSettings(
            String name,
            String url,
            Integer port,
            String path,
            List<Transport> transports,
            Reconnection reconnection,
            long connectTimeoutMillis,
            long ackTimeoutMillis,
            ObjectNode auth,
            Map<String, String> query,
            Map<String, List<String>> headers,
            String tlsCa,
            String trustStore,
            String trustStorePassword,
            boolean insecure,
            int sendBufferSize) {
        this(
                name,
                url,
                port,
                path,
                transports,
                reconnection,
                connectTimeoutMillis,
                ackTimeoutMillis,
                auth,
                query,
                headers,
                tlsCa,
                trustStore,
                trustStorePassword,
                insecure,
                sendBufferSize,
                0);
    }

    public ConnectionSettings {
        transports = List.copyOf(transports);
        auth = auth == null ? null : auth.deepCopy();
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    @Override
    public ObjectNode auth() {
        return auth == null ? null : auth.deepCopy();
    }

    /** Names the connection and its server; never prints auth, passwords or query values. */
    @Override
    public String toString() {
        return "Connection[" + name + ", " + shownUrl() + (port != null ? ", port " + port : "") + "]";
    }

    /** The URL as logs and traces show it: a password and the query's values masked ({@link #shown}). */
    public String shownUrl() {
        return shown(url);
    }

    /**
     * {@code url} fit to be shown: {@code http://user:***@host/?token=***&site=***}. The query's values
     * and a password may be secrets (from {@code ${env:…}} or not); the names and the rest are kept.
     */
    public static String shown(String url) {
        return ClientOptions.redacted(url);
    }

    /**
     * Reconnection after a lost connection.
     *
     * @param attempts {@link Integer#MAX_VALUE}: no limit
     */
    public record Reconnection(
            boolean enabled, int attempts, long delayMillis, long maxDelayMillis, double randomization) {
        /** The JavaScript client's defaults: on, no limit, 1 s doubling up to 5 s, ±50 %. */
        public static final Reconnection DEFAULT = new Reconnection(true, Integer.MAX_VALUE, 1000, 5000, 0.5);
    }

    /**
     * The client options for these settings.
     *
     * @param callbacks where the client delivers its callbacks (the run's logic thread)
     * @param loops     shared event loops, or null for a thread of the client's own
     * @throws IllegalArgumentException when the client rejects a value (e.g. an unreadable TLS file)
     */
    public ClientOptions toClientOptions(Executor callbacks, EventLoops loops) {
        ClientOptions.Builder b = ClientOptions.builder(url)
                .path(path)
                .transports(transports.toArray(Transport[]::new))
                .reconnection(reconnection.enabled())
                .reconnectionAttempts(reconnection.attempts())
                .reconnectionDelay(Duration.ofMillis(reconnection.delayMillis()))
                .reconnectionDelayMax(Duration.ofMillis(reconnection.maxDelayMillis()))
                .randomizationFactor(reconnection.randomization())
                .connectTimeout(Duration.ofMillis(connectTimeoutMillis))
                .ackTimeout(Duration.ofMillis(ackTimeoutMillis))
                .query(query)
                .sendBufferSize(sendBufferSize)
                .retries(retries)
                .insecure(insecure)
                .callbackExecutor(callbacks)
                .eventLoops(loops);
        if (port != null) {
            b.port(port);
        }
        if (auth != null) {
            b.auth(auth);
        }
        headers.forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        if (tlsCa != null) {
            b.caFile(Path.of(tlsCa));
        }
        if (trustStore != null) {
            b.trustStore(Path.of(trustStore), trustStorePassword == null ? null : trustStorePassword.toCharArray());
        }
        return b.build();
    }
}
