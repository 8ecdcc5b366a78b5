package io.pulseio.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The scrape endpoint's answers and its refusals. */
class MetricsServerTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void servesOnlyGetMetrics() throws Exception {
        registry.counter("pulseio.test.things").increment(2);
        try (MetricsServer endpoint = MetricsServer.start(registry, MetricsServer.DEFAULT_HOST, 0)) {
            assertThat(endpoint.address().getAddress().isLoopbackAddress()).isTrue();
            Scrape ok = Scrape.get(endpoint.port());
            assertThat(ok.status).isEqualTo(200);
            assertThat(ok.contentType).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
            assertThat(ok.body).contains("# TYPE pulseio_test_things_total counter");
            assertThat(ok.value("pulseio_test_things_total")).isEqualTo(2);
            String base = "http://127.0.0.1:" + endpoint.port();
            assertThat(Scrape.request("GET", base + "/", null).status).isEqualTo(404);
            assertThat(Scrape.request("GET", base + "/metrics/more", null).status)
                    .isEqualTo(404);
            Scrape post = Scrape.request("POST", base + "/metrics", "x");
            assertThat(post.status).isEqualTo(405);
            assertThat(post.allow).isEqualTo("GET");
            assertThat(Scrape.request("DELETE", base + "/metrics", null).status).isEqualTo(405);
        }
    }

    @Test
    void refusesBadPortsAndHosts() throws Exception {
        assertThatThrownBy(() -> MetricsServer.start(registry, "127.0.0.1", 65536))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 to 65535, was 65536");
        assertThatThrownBy(() -> MetricsServer.start(registry, "127.0.0.1", -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MetricsServer.start(registry, " ", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host is empty");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> MetricsServer.start(registry, "127.0.0.1", port))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("cannot serve metrics on 127.0.0.1:" + port + ": ");
        }
    }

    @Test
    void closeStopsServingAndIsIdempotent() throws Exception {
        MetricsServer endpoint = MetricsServer.start(registry, "127.0.0.1", 0);
        int port = endpoint.port();
        endpoint.close();
        endpoint.close();
        assertThatThrownBy(() -> Scrape.get(port)).isInstanceOf(IOException.class);
    }
}
