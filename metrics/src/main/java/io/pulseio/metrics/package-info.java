/**
 * Metrics of pulseio, on Micrometer: {@link io.pulseio.metrics.PulseioMetrics} binds a server, a
 * client or a project run to a {@code MeterRegistry}; {@link io.pulseio.metrics.MetricsServer}
 * serves a Prometheus registry's {@code GET /metrics}. Every meter's name, type, labels and meaning
 * are listed in {@code docs/operations.md}.
 */
package io.pulseio.metrics;
