/**
 * Micrometer metrics of pulseio servers, clients and project runs, and a Prometheus scrape
 * endpoint. API: {@link io.pulseio.metrics.PulseioMetrics} and {@link
 * io.pulseio.metrics.MetricsServer}; the meters themselves ({@code io.pulseio.metrics.internal})
 * are not exported. The endpoint is served by the JDK's own HTTP server ({@code jdk.httpserver}).
 */
module io.pulseio.metrics {
    requires transitive io.pulseio.server;
    requires transitive io.pulseio.client;
    requires transitive io.pulseio.logic;
    requires transitive micrometer.core;
    requires transitive micrometer.registry.prometheus;
    requires jdk.httpserver;

    exports io.pulseio.metrics;
}
