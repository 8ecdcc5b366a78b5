package io.pulseio.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.cli.Main;
import io.pulseio.logic.LoadResult;
import io.pulseio.logic.ProjectLoader;
import io.pulseio.logic.ProjectRun;
import io.pulseio.logic.RunOptions;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Servers joined to a cluster by configuration alone: {@code pulseio serve --redis} and a project's
 * hosted server with an {@code adapter} setting, each with an official socket.io 4.8.4 server and
 * {@code @socket.io/redis-adapter} 8.3.0 ({@code classic}) or {@code @socket.io/redis-streams-adapter}
 * 0.3.1 ({@code streams}) on one real redis-server, and official clients on both.
 */
class ServeClusterTest {
    private static final Pattern LISTENING = Pattern.compile("(?:LISTENING|listening on) (\\d+)");
    private RedisServer redis;
    private NodeClusterServer node;

    @BeforeEach
    void start() {
        redis = RedisServer.start();
    }

    /** The Node.js server with the adapter of this kind, and its official client "b". */
    private void startNode(String kind) throws Exception {
        startNode(kind, Map.of());
    }

    private void startNode(String kind, Map<String, ?> options) throws Exception {
        node = NodeClusterServer.start(redis.url(), kind, 0, options);
        node.client("b", node.url());
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        redis.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "streams"})
    void serveWithRedisServesInTheNodeCluster(String kind) throws Exception {
        startNode(kind);
        serve(kind);
    }

    /** Node's stream options on both sides: three streams, other names; "/" goes to many-2. */
    private static final Map<String, ?> STREAM_OPTIONS =
            Map.of("streamName", "many", "streamCount", 3, "channelPrefix", "app", "maxLen", 500);

    @Test
    void serveWithTheStreamsOptionsServesInANodeClusterConfiguredAlike() throws Exception {
        startNode("streams", STREAM_OPTIONS);
        serve(
                "streams",
                "--redis-option",
                "streamName=many",
                "--redis-option",
                "streamCount=3",
                "--redis-option",
                "channelPrefix=app",
                "--redis-option",
                "maxLen=500");
        assertThat(Integer.parseInt(redis.cli("XLEN", "many-2"))).isGreaterThanOrEqualTo(2);
        assertThat(redis.cli("EXISTS", "socket.io", "many")).isEqualTo("0");
    }

    @Test
    void serveWithTheShardedOptionsServesInANodeClusterWithCreateShardedAdapter() throws Exception {
        startNode("sharded", Map.of("subscriptionMode", "static"));
        serveLabelled(
                "classic",
                "classic, sharded: static",
                "--redis-option",
                "sharded=true",
                "--redis-option",
                "subscriptionMode=static");
    }

    private void serve(String kind, String... options) throws Exception {
        serveLabelled(kind, kind, options);
    }

    /** Serves with these options; {@code label} is what the serving line says of the adapter. */
    private void serveLabelled(String kind, String label, String... options) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        List<String> args = new ArrayList<>(List.of(
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--relay",
                "--redis",
                redis.url(),
                "--redis-adapter",
                kind));
        args.addAll(List.of(options));
        Thread serve = new Thread(() -> cmd.execute(args.toArray(String[]::new)));
        serve.start();
        try {
            int port = port(out::toString);
            String serving = "in the cluster on " + redis.url() + " (" + label + ")";
            long deadline = System.nanoTime() + Waits.WAIT.toNanos();
            while (!err.toString().contains(serving) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(err.toString()).contains(serving);
            awaitServers(2);
            node.client("a", "http://127.0.0.1:" + port);

            node.run(Map.of("op", "emit", "event", "news", "args", List.of("from node")));
            assertThat(node.clientGot("a", "news").path("args").toString()).isEqualTo("[\"from node\"]");

            node.run(Map.of("op", "clientSend", "name", "a", "event", "chat", "args", List.of("from a")));
            assertThat(node.clientGot("b", "chat").path("args").toString()).isEqualTo("[\"from a\"]");
            JsonNode fetched = node.run(Map.of("op", "fetch"));
            assertThat(fetched.path("sockets")).hasSize(2);
            if (label.contains("sharded")) {
                // while both serve: the namespace's channel is a sharded one, with both subscribed
                assertThat(redis.cli("PUBSUB", "SHARDNUMSUB", "socket.io#/#").trim())
                        .endsWith("2");
            }
        } finally {
            serve.interrupt();
            serve.join(10_000);
        }
        assertThat(serve.isAlive()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "streams"})
    void aProjectsHostedServerWithAnAdapterSettingServesInTheNodeCluster(String kind) throws Exception {
        startNode(kind);
        host("\"kind\": \"" + kind + "\"");
    }

    @Test
    void aHostedServerWithTheStreamsOptionsServesInANodeClusterConfiguredAlike() throws Exception {
        startNode("streams", STREAM_OPTIONS);
        host("\"kind\": \"streams\", \"options\": {\"streamName\": \"many\", \"streamCount\": 3, "
                + "\"channelPrefix\": \"app\", \"maxLen\": \"500\"}");
        assertThat(Integer.parseInt(redis.cli("XLEN", "many-2"))).isGreaterThanOrEqualTo(2);
        assertThat(redis.cli("EXISTS", "socket.io", "many")).isEqualTo("0");
    }

    @Test
    void aHostedServerWithTheShardedOptionsServesInANodeClusterWithCreateShardedAdapter() throws Exception {
        startNode("sharded", Map.of("subscriptionMode", "dynamic-private"));
        // a hosted server that spoke the classic protocol would not reach the Node server at all
        host("\"kind\": \"classic\", \"options\": {\"sharded\": true, \"subscriptionMode\": \"dynamic-private\"}");
    }

    /** Runs hosted_cluster.json with {@code adapterFields} in place of its kind. */
    private void host(String adapterFields) throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/cluster/hosted_cluster.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"kind\": \"classic\"", adapterFields);
        }
        assertThat(json).contains(adapterFields);
        LoadResult loaded = ProjectLoader.builder()
                .environment(Map.of("REDIS_URL", redis.url()))
                .build()
                .load(json);
        assertThat(loaded.problems()).isEmpty();
        List<String> printed = new ArrayList<>();
        ProjectRun run = loaded.orThrow()
                .start(RunOptions.builder()
                        .output(line -> {
                            synchronized (printed) {
                                printed.add(line);
                            }
                        })
                        .build());
        try {
            int port = port(() -> {
                synchronized (printed) {
                    return String.join("\n", printed);
                }
            });
            awaitServers(2);
            node.client("a", "http://127.0.0.1:" + port);

            node.run(Map.of("op", "emit", "event", "news", "args", List.of("from node")));
            assertThat(node.clientGot("a", "news").path("args").toString()).isEqualTo("[\"from node\"]");

            node.run(Map.of("op", "clientSend", "name", "a", "event", "shout", "args", List.of("hello all")));
            assertThat(node.clientGot("b", "shout").path("args").toString()).isEqualTo("[\"hello all\"]");
            assertThat(node.clientGot("a", "shout").path("args").toString()).isEqualTo("[\"hello all\"]");
            synchronized (printed) {
                assertThat(printed).noneMatch(l -> l.startsWith("server error"));
            }
        } finally {
            run.stop(0);
            run.awaitExit(Duration.ofSeconds(10));
            run.close();
        }
    }

    private void awaitServers(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Waits.WAIT.toNanos();
        int seen = -1;
        while (System.nanoTime() < deadline) {
            seen = node.run(Map.of("op", "serverCount")).path("count").asInt();
            if (seen == count) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the Node server counts " + seen + " servers, not " + count);
    }

    private static int port(Supplier<String> output) throws InterruptedException {
        long deadline = System.nanoTime() + Waits.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(output.get());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no port printed: " + output.get());
    }
}
