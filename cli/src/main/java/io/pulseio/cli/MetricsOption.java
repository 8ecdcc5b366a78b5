package io.pulseio.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pulseio.metrics.MetricsServer;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --metrics PORT} and {@code --metrics-host H} of serve and run: a Prometheus scrape
 * endpoint ({@code GET /metrics}, module pulseio-metrics) on its own port.
 */
final class MetricsOption {
    @Option(
            names = "--metrics",
            paramLabel = "PORT",
            description = "Serve Prometheus metrics at http://127.0.0.1:PORT/metrics (see docs/operations.md); "
                    + "0 picks a free port.")
    Integer port;

    @Option(
            names = "--metrics-host",
            paramLabel = "H",
            description = "With --metrics: the address of the metrics endpoint (default: 127.0.0.1, this "
                    + "machine only; 0.0.0.0 for every interface).")
    String host;

    /** Checks the values before anything starts; a bad one is a usage error. */
    boolean enabled(CommandLine cmd) {
        if (port == null) {
            if (host != null) {
                throw new ParameterException(cmd, "--metrics-host needs --metrics PORT");
            }
            return false;
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(cmd, "--metrics: the port must be 0 to 65535, was " + port);
        }
        if (host != null && host.isBlank()) {
            throw new ParameterException(cmd, "--metrics-host: empty address");
        }
        return true;
    }

    /** A fresh registry for the endpoint. */
    static PrometheusMeterRegistry registry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /**
     * Starts the endpoint and says where on stderr ({@code pulseio: metrics at URL}); a port that
     * cannot be bound exits 69, as for the server's own port.
     */
    MetricsServer start(PrometheusMeterRegistry registry, PrintWriter err) {
        String at = host == null ? MetricsServer.DEFAULT_HOST : host;
        try {
            MetricsServer endpoint = MetricsServer.start(registry, at, port);
            err.println("pulseio: metrics at http://" + (at.contains(":") ? "[" + at + "]" : at) + ":" + endpoint.port()
                    + "/metrics");
            err.flush();
            return endpoint;
        } catch (IOException e) {
            throw CliException.unavailable("--metrics: " + e.getMessage());
        }
    }
}
