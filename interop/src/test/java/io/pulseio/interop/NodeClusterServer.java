package io.pulseio.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The official socket.io server in a Redis cluster with the official
 * {@code @socket.io/redis-adapter} or {@code @socket.io/redis-streams-adapter}
 * ({@code fixtures/cluster-server.js}), driven by commands; it
 * also runs official socket.io-client sockets on request.
 */
final class NodeClusterServer implements AutoCloseable {
    final NodeProcess process;
    final int port;
    private final AtomicInteger ids = new AtomicInteger();

    private NodeClusterServer(NodeProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static NodeClusterServer start(String redisUrl) throws Exception {
        return start(redisUrl, "classic", 0);
    }

    /**
     * @param kind the adapter: classic or streams
     * @param recoveryMillis connection state recovery's maxDisconnectionDuration; 0 for none
     */
    static NodeClusterServer start(String redisUrl, String kind, long recoveryMillis) throws Exception {
        return start(redisUrl, kind, recoveryMillis, Map.of());
    }

    /** @param adapterOptions added to the Node adapter's options (Node's names and values) */
    static NodeClusterServer start(String redisUrl, String kind, long recoveryMillis, Map<String, ?> adapterOptions)
            throws Exception {
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        NodeProcess p = NodeProcess.start(
                "cluster-server.js",
                List.of(redisUrl, "2000", kind, String.valueOf(recoveryMillis)),
                Map.of("ADAPTER_OPTIONS", NodeProcess.JSON.writeValueAsString(adapterOptions)),
                line -> {
                    if (line.startsWith("LISTENING ")) {
                        listening.complete(Integer.parseInt(line.substring(10).trim()));
                    }
                });
        try {
            return new NodeClusterServer(p, listening.get(15, TimeUnit.SECONDS));
        } catch (Exception e) {
            p.close();
            throw new AssertionError("the Node cluster server did not start" + p.describeStderr(), e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Runs a command and returns its {@code done} line. */
    JsonNode run(Map<String, ?> command) throws InterruptedException {
        int id = ids.incrementAndGet();
        ObjectNode cmd = NodeProcess.JSON.valueToTree(command);
        cmd.put("id", id);
        process.send(cmd.toString());
        return process.awaitLine(
                l -> "done".equals(l.path("ev").asText()) && l.path("id").asInt() == id, Duration.ofSeconds(15));
    }

    JsonNode await(Predicate<JsonNode> line) throws InterruptedException {
        return process.awaitLine(line, Duration.ofSeconds(10));
    }

    /** Waits for the official client {@code name} to get {@code event}; returns its line. */
    JsonNode clientGot(String name, String event) throws InterruptedException {
        return await(l -> "client-event".equals(l.path("ev").asText())
                && name.equals(l.path("name").asText())
                && event.equals(l.path("event").asText()));
    }

    /** Whether the official client {@code name} got {@code event} (so far). */
    boolean clientHasGot(String name, String event) {
        return process.lines().stream()
                .anyMatch(l -> "client-event".equals(l.path("ev").asText())
                        && name.equals(l.path("name").asText())
                        && event.equals(l.path("event").asText()));
    }

    /** Starts an official client and waits for its connect. */
    void client(String name, String url) throws InterruptedException {
        run(Map.of("op", "client", "name", name, "url", url));
        await(l -> "client-connect".equals(l.path("ev").asText())
                && name.equals(l.path("name").asText()));
    }

    void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }
}
