package io.pulseio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --redis}: bad settings are usage errors (64) that never show the password; with
 * Redis down the server serves its own clients and the adapter warns. (The cluster itself, with a
 * real Redis and Node.js servers, is in the interop module's ServeClusterTest.)
 */
class ServeRedisTest {
    private static void usageError(String message, String... args) {
        Cli.Result r = Cli.run(args);
        assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(64);
        assertThat(r.err()).as(String.join(" ", args)).contains(message).doesNotContain("hunter2");
        assertThat(r.out()).as(String.join(" ", args)).isEmpty();
    }

    @Test
    void badRedisSettingsAreUsageErrors() {
        usageError(
                "--redis: no cluster adapter for http:// URLs ('http://:***@127.0.0.1:6379'): "
                        + "pulseio-adapter-redis serves redis:// and rediss:// URLs",
                "serve",
                "--redis",
                "http://:hunter2@127.0.0.1:6379");
        usageError(
                "--redis: the Redis URL 'redis://:***@:6379' names no host",
                "serve",
                "--redis",
                "redis://:hunter2@:6379");
        usageError(
                "--redis: the Redis URL 'redis://:***@127.0.0.1:6379/cache' has path '/cache'",
                "serve",
                "--redis",
                "redis://:hunter2@127.0.0.1:6379/cache");
        usageError(
                "--redis: unknown Redis adapter kind 'sharded': use classic (@socket.io/redis-adapter) or "
                        + "streams (@socket.io/redis-streams-adapter)",
                "serve",
                "--redis",
                "redis://127.0.0.1:6379",
                "--redis-adapter",
                "sharded");
        usageError("--redis-adapter needs --redis URL", "serve", "--redis-adapter", "classic");
    }

    @Test
    void badAdapterOptionsAreUsageErrors() {
        String redis = "redis://:hunter2@127.0.0.1:6379";
        usageError(
                "--redis: maxLen must be a whole number from 1 to 9223372036854775807, was 'lots'",
                "serve",
                "--redis",
                redis,
                "--redis-adapter",
                "streams",
                "--redis-option",
                "maxLen=lots");
        usageError(
                "--redis: streamCount must be a whole number from 1 to 2147483647, was '0'",
                "serve",
                "--redis",
                redis,
                "--redis-adapter",
                "streams",
                "--redis-option",
                "maxLen=50",
                "--redis-option",
                "streamCount=0");
        usageError(
                "--redis: unknown option 'maxLen' of the classic Redis adapter: it has requestsTimeout, sharded,"
                        + " subscriptionMode, channelPrefix",
                "serve",
                "--redis",
                redis,
                "--redis-option",
                "maxLen=50");
        usageError(
                "--redis: subscriptionMode must be static, dynamic or dynamic-private, was 'private'",
                "serve",
                "--redis",
                redis,
                "--redis-option",
                "sharded=true",
                "--redis-option",
                "subscriptionMode=private");
        usageError(
                "--redis: subscriptionMode is an option of the sharded classic adapter (Node's createShardedAdapter):"
                        + " add sharded=true",
                "serve",
                "--redis",
                redis,
                "--redis-adapter",
                "classic",
                "--redis-option",
                "subscriptionMode=static");
        usageError(
                "--redis: sharded must be true or false, was 'on'",
                "serve",
                "--redis",
                redis,
                "--redis-option",
                "sharded=on");
        usageError(
                "--redis: unknown option 'sharded' of the streams Redis adapter",
                "serve",
                "--redis",
                redis,
                "--redis-adapter",
                "streams",
                "--redis-option",
                "sharded=true");
        usageError("--redis-option needs --redis URL", "serve", "--redis-option", "maxLen=50");
        usageError("--redis-option", "serve", "--redis", redis, "--redis-option", "maxLen");
    }

    @Test
    void aProjectsBadAdapterOptionIsAProblemAtThatOption(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        String project = """
                {"format": 1, "name": "t",
                 "settings": {"socketio": {"servers": [{"name": "hmi", "port": 0, "adapter":
                   {"url": "redis://:hunter2@127.0.0.1:6379", "options": %s}}]}},
                 "logic": {"project": {"nodes": [], "links": []}}}
                """;
        String at = ": $.settings.socketio.servers[0].adapter.options.";
        java.nio.file.Path file = tmp.resolve("cluster.json");
        java.nio.file.Files.writeString(
                file, project.formatted("{\"sharded\": true, \"subscriptionMode\": \"shared\"}"));
        Cli.Result r = Cli.run("validate", file.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(65);
        assertThat(r.err())
                .contains(file + at + "subscriptionMode: subscriptionMode must be static, dynamic or dynamic-private,"
                        + " was 'shared' (INVALID_SETTING)")
                .doesNotContain("hunter2");
        java.nio.file.Files.writeString(file, project.formatted("{\"channelPrefix\": \"app\"}"));
        r = Cli.run("validate", file.toString());
        assertThat(r.err())
                .contains(file + at + "channelPrefix: channelPrefix is an option of the sharded classic adapter");
        java.nio.file.Files.writeString(file, project.formatted("{\"sharded\": \"yes\"}"));
        assertThat(Cli.run("validate", file.toString()).err())
                .contains(file + at + "sharded: sharded must be true or false, was 'yes'");
        java.nio.file.Files.writeString(file, project.formatted("{\"maxLen\": 5}"));
        assertThat(Cli.run("validate", file.toString()).err())
                .contains(file + at + "maxLen: unknown option 'maxLen' of the classic Redis adapter");
        java.nio.file.Files.writeString(
                file, project.formatted("{\"sharded\": true, \"subscriptionMode\": \"dynamic-private\"}"));
        r = Cli.run("validate", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void withRedisDownItServesItsOwnClientsAndWarns() throws Exception {
        int nothing;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nothing = s.getLocalPort();
        }
        PrintStream stderr = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        Cli.Live serve = new Cli.Live();
        Thread thread = new Thread(() ->
                serve.execute("serve", "--port", "0", "--echo", "--redis", "redis://:hunter2@127.0.0.1:" + nothing));
        thread.start();
        try {
            int port = awaitPort(serve);

            Cli.Result r = Cli.run("emit", "http://localhost:" + port, "hi", "there", "--ack");

            assertThat(r.out()).isEqualTo("[\"there\"]" + System.lineSeparator());
            assertThat(serve.err.toString())
                    .contains("in the cluster on redis://:***@127.0.0.1:" + nothing + " (classic)");
            assertThat(logged.toString(StandardCharsets.UTF_8))
                    .contains("Redis at 127.0.0.1:" + nothing + " is unavailable")
                    .contains("meanwhile broadcasts reach this server's clients only")
                    .doesNotContain("hunter2");
        } finally {
            thread.interrupt();
            thread.join(10_000);
            System.setErr(stderr);
        }
        assertThat(thread.isAlive()).isFalse();
    }

    private static int awaitPort(Cli.Live serve) throws InterruptedException {
        Pattern listening = Pattern.compile("LISTENING (\\d+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = listening.matcher(serve.out.toString());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("serve did not print LISTENING: " + serve.err);
    }
}
