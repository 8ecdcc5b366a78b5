package io.pulseio.interop.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pulseio.interop.NodeClient;
import io.pulseio.metrics.MetricsServer;
import io.pulseio.metrics.PulseioMetrics;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The official socket.io-client 4.8.4 against a measured pulseio server: three clients that
 * connect, upgrade, emit with an ack and leave move the scraped counters by exactly three.
 */
class OfficialClientMetricsTest {

    @Test
    void threeOfficialClientsAreThreeHandshakesUpgradesAcksAndDisconnects() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SocketIoServer server = SocketIoServer.create(
                ServerOptions.builder().host("127.0.0.1").port(0).build());
        server.sockets().onConnection(socket -> socket.on("echo", (args, ack) -> ack.send(args.toArray())));
        PulseioMetrics.bind(server, registry, "interop");
        String url = "http://127.0.0.1:" + server.start();
        try (MetricsServer endpoint = MetricsServer.start(registry, "127.0.0.1", 0)) {
            for (int i = 0; i < 3; i++) {
                NodeClient.Result r = NodeClient.run(
                        url,
                        ClientMode.UPGRADE.nodeOptions(),
                        List.of(
                                Map.of("wait", "connect"),
                                Map.of("wait", "upgrade"),
                                Map.of("emit", "echo", "args", List.of(i), "ack", true),
                                Map.of("disconnect", true)),
                        Duration.ofSeconds(20));
                assertThat(r.succeeded()).as(r.stderr()).isTrue();
            }
            String text = scrape(endpoint.port());
            for (int i = 0; i < 200 && sum(text, "pulseio_server_disconnects_total") < 3; i++) {
                Thread.sleep(50);
                text = scrape(endpoint.port());
            }
            assertThat(sum(text, "pulseio_server_handshakes_total{server=\"interop\",transport=\"polling\"}"))
                    .isEqualTo(3);
            assertThat(sum(text, "pulseio_server_upgrades_total")).isEqualTo(3);
            assertThat(sum(text, "pulseio_server_acks_sent_total")).isEqualTo(3);
            assertThat(sum(text, "pulseio_server_disconnects_total")).isEqualTo(3);
            assertThat(sum(text, "pulseio_server_connections")).isZero();
            assertThat(sum(text, "pulseio_server_rejected_total")).isZero();
        } finally {
            server.close();
        }
    }

    private static String scrape(int port) throws Exception {
        HttpURLConnection c = (HttpURLConnection)
                URI.create("http://127.0.0.1:" + port + "/metrics").toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(5000);
        assertThat(c.getResponseCode()).isEqualTo(200);
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The sum of the series whose name and labels start with {@code prefix}. */
    private static double sum(String text, String prefix) {
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix) && (line.charAt(prefix.length()) == '{' || line.charAt(prefix.length()) == ' ')
                    || line.startsWith(prefix) && prefix.endsWith("}")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
