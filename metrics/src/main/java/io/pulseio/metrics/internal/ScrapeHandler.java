package io.pulseio.metrics.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Answers {@code GET /metrics} with the registry in the Prometheus text format (version 0.0.4,
 * written by Micrometer's registry); 404 for another path, 405 (with {@code Allow: GET}) for
 * another method on it. Runs on the endpoint's one thread.
 */
public final class ScrapeHandler implements HttpHandler {
    /** The text format's media type, as Prometheus expects it. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public ScrapeHandler(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestURI().getPath().equals("/metrics")) {
                plain(exchange, 404, "not found: the metrics are at GET /metrics\n");
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                plain(exchange, 405, "method not allowed: use GET\n");
                return;
            }
            byte[] body = registry.scrape(CONTENT_TYPE).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            send(exchange, 200, body);
        } finally {
            exchange.close();
        }
    }

    private static void plain(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        send(exchange, status, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
