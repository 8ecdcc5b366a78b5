package io.pulseio.metrics;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pulseio.metrics.internal.ScrapeHandler;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Prometheus scrape endpoint: {@code GET /metrics} on its own port answers with a registry's
 * meters in the Prometheus text format ({@code text/plain; version=0.0.4}); another path is 404,
 * another method 405. It is the JDK's HTTP server ({@code com.sun.net.httpserver}) with one daemon
 * thread: a scrape every few seconds needs no more, and the Socket.IO server's event loops never
 * see it.
 *
 * <p>Lifecycle: {@link #start} binds and serves; {@link #close} stops (idempotent). Thread-safe.
 * The endpoint has no authentication: it listens on {@code 127.0.0.1} unless told otherwise.
 */
public final class MetricsServer implements AutoCloseable {
    /** The host a scrape endpoint binds to by default: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    private final HttpServer http;
    private final ExecutorService thread;

    private MetricsServer(HttpServer http, ExecutorService thread) {
        this.http = http;
        this.thread = thread;
    }

    /**
     * Serves {@code registry} on {@code host:port}.
     *
     * @param host an address or host name to bind to, e.g. {@link #DEFAULT_HOST}; {@code 0.0.0.0}
     *     for every interface
     * @param port 1 to 65535, or 0 for a free port ({@link #port()} tells which)
     * @throws IllegalArgumentException when the port is out of range or the host is empty
     * @throws IOException when it cannot bind, e.g. {@code "cannot serve metrics on
     *     127.0.0.1:9464: Address already in use"}
     */
    public static MetricsServer start(PrometheusMeterRegistry registry, String host, int port) throws IOException {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the metrics host is empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the metrics port must be 0 to 65535, was " + port);
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IOException("cannot serve metrics on " + host + ":" + port + ": unknown host");
        }
        HttpServer http;
        try {
            http = HttpServer.create(address, 16);
        } catch (BindException e) {
            throw new IOException("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "pulseio-metrics-" + http.getAddress().getPort());
            t.setDaemon(true);
            return t;
        });
        http.createContext("/", new ScrapeHandler(registry));
        http.setExecutor(thread);
        http.start();
        return new MetricsServer(http, thread);
    }

    /** The address it listens on (with the port chosen when 0 was asked). */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** The port it listens on. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** Stops serving at once (a scrape under way is cut off) and ends its thread. Idempotent. */
    @Override
    public synchronized void close() {
        if (!thread.isShutdown()) {
            http.stop(0);
            thread.shutdownNow();
        }
    }
}
