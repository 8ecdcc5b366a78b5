package io.pulseio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --metrics} of serve and run (scraped over HTTP), {@code emit --retries}, and the run's loop
 * bound and trace size cap, with their usage errors.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class MetricsAndLimitsCommandsTest {
    private static final Pattern METRICS_AT = Pattern.compile("metrics at http://127\\.0\\.0\\.1:(\\d+)/metrics");

    // ---- serve --metrics ----

    @Test
    void serveWithMetricsCountsTheHandshakesOfThreeEmits() throws Exception {
        Cli.Live serve = new Cli.Live();
        Thread thread = new Thread(() -> serve.execute("serve", "--port", "0", "--echo", "--metrics", "0"));
        thread.start();
        try {
            int metrics = awaitMetricsPort(serve);
            int port = awaitListening(serve);
            for (int i = 0; i < 3; i++) {
                Cli.Result r = Cli.run("emit", "http://localhost:" + port, "hi", "--ack");
                assertThat(r.exitCode()).as(r.err()).isZero();
            }
            String text = scrapeUntil(
                    metrics,
                    t -> value(t, "pulseio_server_acks_sent_total", "server=\"serve\"") == 3
                            && value(t, "pulseio_server_connections", "server=\"serve\"") == 0);
            assertThat(value(text, "pulseio_server_handshakes_total", "transport=\"polling\""))
                    .isEqualTo(3);
            assertThat(value(text, "pulseio_server_acks_sent_total", "server=\"serve\""))
                    .isEqualTo(3);
            assertThat(value(text, "pulseio_server_connections", "server=\"serve\""))
                    .isZero();
        } finally {
            thread.interrupt();
            thread.join(10_000);
        }
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void badMetricsOptionsOfServeAreUsageErrorsAndAPortInUseExits69() throws Exception {
        usage("--metrics: the port must be 0 to 65535, was 70000", "serve", "--port", "0", "--metrics", "70000");
        usage("--metrics: the port must be 0 to 65535, was -1", "serve", "--port", "0", "--metrics", "-1");
        usage("--metrics-host needs --metrics PORT", "serve", "--port", "0", "--metrics-host", "0.0.0.0");
        usage("--metrics needs Socket.IO", "serve", "--conformance", "engine.io", "--port", "0", "--metrics", "0");
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Cli.Result r = Cli.run("serve", "--port", "0", "--metrics", String.valueOf(taken.getLocalPort()));
            assertThat(r.exitCode()).isEqualTo(69);
            assertThat(r.err()).contains("--metrics: cannot serve metrics on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    // ---- emit --retries ----

    @Test
    void emitWithRetriesResendsUntilTheAckComesAndGivesUpAfterNPlusOneTries() throws Exception {
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        SocketIoServer server = SocketIoServer.create(
                ServerOptions.builder().port(0).ioThreads(1).build());
        server.sockets()
                .onConnection(socket -> socket.onAny((event, args, ack) -> {
                    int n = seen.computeIfAbsent(event, e -> new AtomicInteger())
                            .incrementAndGet();
                    if (event.equals("flaky") && n == 2 && ack != null) {
                        ack.send("second time");
                    }
                }));
        String url = "http://localhost:" + server.start();
        try {
            Cli.Result ok = Cli.run("emit", url, "flaky", "--retries", "2", "--timeout", "1s", "--ack");
            assertThat(ok.exitCode()).as(ok.err()).isZero();
            assertThat(ok.out()).isEqualTo("[\"second time\"]" + System.lineSeparator());
            assertThat(seen.get("flaky")).hasValue(2);

            Cli.Result quiet = Cli.run("emit", url, "flaky-too", "--retries", "2", "--timeout", "1s");
            assertThat(quiet.exitCode()).isEqualTo(69);
            assertThat(quiet.err()).contains("no ack for 'flaky-too'").contains("(3 tries)");
            assertThat(seen.get("flaky-too")).hasValue(3);

            usage("--retries must be 0 or more, was -1", "emit", url, "x", "--retries", "-1");
        } finally {
            server.close();
        }
    }

    // ---- run: loop bound, trace cap, metrics ----

    @Test
    void runCutsARunawayLoopAtTheGivenBound(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("run.jsonl");
        Cli.Result r = Cli.run(
                "run",
                Cli.project("bounce.json").toString(),
                "--duration",
                "1s",
                "--max-events-without-input",
                "50",
                "--trace",
                trace.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().count()).isBetween(45L, 50L);
        assertThat(Files.readAllLines(trace))
                .filteredOn(l -> l.contains("\"kind\":\"error\""))
                .singleElement()
                .asString()
                .contains("\"source\":\"loop\"")
                .contains("more than 50 events in a row caused by the logic itself");
    }

    @Test
    void runStopsWritingTheTraceAtTheGivenSize(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("run.jsonl");
        Cli.Result r = Cli.run(
                "run",
                Cli.project("bounce.json").toString(),
                "--duration",
                "1s",
                "--max-events-without-input",
                "200",
                "--trace",
                trace.toString(),
                "--trace-max-bytes",
                "2K");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(trace);
        assertThat(lines.get(lines.size() - 1))
                .contains("\"kind\":\"traceLimit\"")
                .contains("\"limitBytes\":2048");
        long before = Files.size(trace) - lines.get(lines.size() - 1).length() - 1;
        assertThat(before).isLessThanOrEqualTo(2048);
    }

    @Test
    void badRunLimitsAreUsageErrors() {
        String project = Cli.project("hello.json").toString();
        usage(
                "--max-events-without-input must be at least 1, was 0",
                "run",
                project,
                "--max-events-without-input",
                "0");
        usage("--trace-max-bytes needs --trace FILE", "run", project, "--trace-max-bytes", "1M");
        usage("'0' is not a size of at least 1 byte", "run", project, "--trace", "x.jsonl", "--trace-max-bytes", "0");
        usage("'lots' is not a size", "run", project, "--trace", "x.jsonl", "--trace-max-bytes", "lots");
        usage("--metrics: the port must be 0 to 65535, was 65536", "run", project, "--metrics", "65536");
        usage("--metrics-host needs --metrics PORT", "run", project, "--metrics-host", "127.0.0.1");
    }

    @Test
    void runWithMetricsMeasuresTheRuntimeItsConnectionAndItsHostedServer(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode project = (ObjectNode) json.readTree(Path.of("")
                .toAbsolutePath()
                .getParent()
                .resolve("examples/hello/project.json")
                .toFile());
        String text = json.writeValueAsString(project).replace("29011", String.valueOf(port));
        project = (ObjectNode) json.readTree(text);
        ArrayNode links = (ArrayNode) project.at("/logic/project/links");
        for (int i = links.size() - 1; i >= 0; i--) {
            if (links.get(i).get("from").asText().equals("sayEcho.out")) {
                links.remove(i); // stay connected: the scrape comes while the run goes on
            }
        }
        Path file = dir.resolve("hello.json");
        json.writeValue(file.toFile(), project);

        Cli.Live run = new Cli.Live();
        Thread thread = new Thread(() -> run.execute("run", file.toString(), "--duration", "60s", "--metrics", "0"));
        thread.start();
        try {
            int metrics = awaitMetricsPort(run);
            String s = scrapeUntil(
                    metrics,
                    t -> value(t, "pulseio_logic_node_executions_total", "node_type=\"socketio.onReceive\"") == 1);
            assertThat(value(s, "pulseio_logic_node_executions_total", "node_type=\"socketio.send\""))
                    .isEqualTo(1);
            assertThat(value(s, "pulseio_logic_errors_total", "source=\"node\""))
                    .isZero();
            assertThat(value(s, "pulseio_logic_queue", "project=\"hello\"")).isGreaterThanOrEqualTo(0);
            assertThat(value(s, "pulseio_server_connections", "server=\"local\""))
                    .isEqualTo(1);
            assertThat(value(s, "pulseio_server_handshakes_total", "server=\"local\"", "transport=\"polling\"")
                            + value(
                                    s,
                                    "pulseio_server_handshakes_total",
                                    "server=\"local\"",
                                    "transport=\"websocket\""))
                    .isEqualTo(1);
            assertThat(value(s, "pulseio_client_reconnect_attempts_total", "client=\"main\""))
                    .isZero();
            assertThat(value(s, "pulseio_client_send_buffer", "client=\"main\""))
                    .isZero();
        } finally {
            thread.interrupt();
            thread.join(15_000);
        }
        assertThat(thread.isAlive()).isFalse();
        assertThat(io.micrometer.core.instrument.Metrics.globalRegistry.getRegistries())
                .as("the run's registry is removed from the global one")
                .isEmpty();
    }

    // ---- helpers ----

    private static void usage(String message, String... args) {
        Cli.Result r = Cli.run(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(64);
        assertThat(r.err()).contains(message);
    }

    private static int awaitMetricsPort(Cli.Live live) throws InterruptedException {
        return awaitNumber(live, METRICS_AT, true);
    }

    private static int awaitListening(Cli.Live live) throws InterruptedException {
        return awaitNumber(live, Pattern.compile("LISTENING (\\d+)"), false);
    }

    private static int awaitNumber(Cli.Live live, Pattern pattern, boolean stderr) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher((stderr ? live.err : live.out).toString());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never saw " + pattern + "; stdout: " + live.out + "; stderr: " + live.err);
    }

    private static String scrape(int port) throws IOException {
        HttpURLConnection c = (HttpURLConnection)
                URI.create("http://127.0.0.1:" + port + "/metrics").toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(5000);
        assertThat(c.getResponseCode()).isEqualTo(200);
        assertThat(c.getContentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String scrapeUntil(int port, Predicate<String> done) throws Exception {
        String text = scrape(port);
        for (int i = 0; i < 300 && !done.test(text); i++) {
            Thread.sleep(50);
            text = scrape(port);
        }
        return text;
    }

    /** The value of the one series {@code name} with all of {@code labels}; NaN when none. */
    static double value(String text, String name, String... labels) {
        double found = Double.NaN;
        int matches = 0;
        for (String line : text.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            boolean all = true;
            for (String l : labels) {
                all &= series.contains(l);
            }
            if (all) {
                matches++;
                found = Double.parseDouble(line.substring(space + 1));
            }
        }
        if (matches > 1) {
            throw new AssertionError(matches + " series " + name + " match " + String.join(",", labels));
        }
        return found;
    }
}
