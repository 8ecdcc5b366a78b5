package io.pulseio.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The official socket.io@4.8.4 server running {@code fixtures/server.js} on a free loopback port
 * (behaviours: {@code fixtures/README.md}).
 *
 * <pre>{@code
 * try (NodeServer server = NodeServer.start(NodeServer.options().pingInterval(300).pingTimeout(200))) {
 *   ... connect to server.url() ...
 *   server.kill();      // as a crash would
 *   server.restart();   // same port
 * }
 * }</pre>
 *
 * One server for a whole test class, started before its first test and stopped after its last:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final NodeServer server = NodeServer.perClass(NodeServer.options().pingInterval(300));
 * }</pre>
 *
 * Always stopped by {@link #close()}; a JVM shutdown hook and the fixture's own stdin watch stop
 * it too if a test run dies.
 */
public final class NodeServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

    private final String optionsJson;
    private int port;
    private NodeProcess process;
    private int generation;

    private NodeServer(String optionsJson) {
        this.optionsJson = optionsJson;
    }

    /** Fixture options; every one left unset keeps socket.io's default. */
    public static Options options() {
        return new Options();
    }

    /** Starts the fixture on a free loopback port and waits (bounded) until it listens. */
    public static NodeServer start(Options options) {
        NodeServer server = new NodeServer(options.toJson());
        server.launch(0);
        return server;
    }

    /** Starts the fixture with socket.io's default options. */
    public static NodeServer start() {
        return start(options());
    }

    /**
     * A server not started yet, for a test class's {@code @RegisterExtension} field: it starts before
     * the class's first test and is closed after its last.
     */
    public static NodeServer perClass(Options options) {
        return new NodeServer(options.toJson());
    }

    /** {@link #perClass(Options)} with socket.io's default options. */
    public static NodeServer perClass() {
        return perClass(options());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        launch(0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}: the URL of namespace {@code /}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The URL of a namespace, e.g. {@code url("/chat")}. */
    public String url(String namespace) {
        return url() + namespace;
    }

    /** Kills the server process at once (SIGKILL), as a crash would: connections drop unclosed. */
    public void kill() {
        process.kill();
    }

    /** Starts the server again on the same port (after {@link #kill()}, or kills it first). */
    public void restart() {
        if (process.isAlive()) {
            process.kill();
        }
        // The port was ours a moment ago; node listens with SO_REUSEADDR, so a retry is rarely needed.
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try {
                launch(port);
                return;
            } catch (IllegalStateException e) {
                if (System.nanoTime() > deadline || !e.getMessage().contains("EADDRINUSE")) {
                    throw e;
                }
            }
        }
    }

    /**
     * The JSON lines the current server process printed so far ({@code {"ev":"connection",...}},
     * {@code {"ev":"disconnect","reason":...}}, ...: see {@code fixtures/README.md}).
     */
    public List<JsonNode> events() {
        return process.lines();
    }

    /** Waits for a line of the current process with {@code "ev": ev} that also matches. */
    public JsonNode awaitEvent(String ev, Predicate<JsonNode> matches, Duration timeout) throws InterruptedException {
        return process.awaitLine(line -> ev.equals(line.path("ev").asText()) && matches.test(line), timeout);
    }

    /** How many server processes this object has started (1 before any restart). */
    public int generation() {
        return generation;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    private void launch(int wantedPort) {
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        NodeProcess started = NodeProcess.start(
                "server.js", List.of(Integer.toString(wantedPort), "127.0.0.1", optionsJson), Map.of(), line -> {
                    if (line.startsWith("LISTENING ")) {
                        listening.complete(Integer.parseInt(
                                line.substring("LISTENING ".length()).trim()));
                    }
                });
        try {
            int actual = waitListening(started, listening);
            this.process = started;
            this.port = actual;
            this.generation++;
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    private static int waitListening(NodeProcess started, CompletableFuture<Integer> listening) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                try {
                    return listening.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException notYet) {
                    if (!started.isAlive() && started.waitFor(Duration.ofMillis(500)) >= 0 && !listening.isDone()) {
                        throw new IllegalStateException(
                                "fixture server exited before listening" + started.describeStderr());
                    }
                }
            }
            throw new IllegalStateException(
                    "fixture server not listening after " + START_TIMEOUT + started.describeStderr());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the fixture server", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Options of {@code fixtures/server.js}; see {@code fixtures/README.md}. */
    public static final class Options {
        private final Map<String, Object> values = new LinkedHashMap<>();

        private Options() {}

        public Options pingInterval(int millis) {
            values.put("pingInterval", millis);
            return this;
        }

        public Options pingTimeout(int millis) {
            values.put("pingTimeout", millis);
            return this;
        }

        /** Announced as the handshake's {@code maxPayload}; larger polling POSTs are refused (413). */
        public Options maxHttpBufferSize(int bytes) {
            values.put("maxHttpBufferSize", bytes);
            return this;
        }

        /** Transports the server accepts, by wire name ({@code polling}, {@code websocket}). */
        public Options transports(String... names) {
            values.put("transports", List.of(names));
            return this;
        }

        /** Connection state recovery on (60 s, middlewares skipped) or off. */
        public Options connectionStateRecovery(boolean on) {
            values.put("connectionStateRecovery", on);
            return this;
        }

        String toJson() {
            try {
                return NodeProcess.JSON.writeValueAsString(values);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
