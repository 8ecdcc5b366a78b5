package io.pulseio.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Official socket.io-client sockets driven by commands ({@code fixtures/admin-client.js}): open,
 * emit (with or without ack), close; every event each socket gets is kept as a line.
 */
final class NodeSockets implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final NodeProcess process = NodeProcess.start("admin-client.js", List.of(), Map.of(), line -> {});
    private final AtomicInteger ids = new AtomicInteger();

    /** Runs a command and returns its {@code done} line; fails on a {@code failed} one. */
    JsonNode run(Map<String, ?> command) throws InterruptedException {
        int id = ids.incrementAndGet();
        ObjectNode cmd = NodeProcess.JSON.valueToTree(command);
        cmd.put("id", id);
        process.send(cmd.toString());
        JsonNode end = process.awaitLine(
                l -> l.path("id").asInt() == id
                        && (l.path("ev").asText().equals("done")
                                || l.path("ev").asText().equals("failed")),
                WAIT);
        if (end.path("ev").asText().equals("failed")) {
            throw new AssertionError("command " + cmd + " failed: " + end + process.describeStderr());
        }
        return end;
    }

    /** Opens socket {@code name} on {@code url} (a namespace's URL) with this auth; its connect or connect_error line. */
    JsonNode open(String name, String url, Map<String, ?> auth) throws InterruptedException {
        run(Map.of("open", name, "url", url, "auth", auth));
        return await(l -> name.equals(l.path("sock").asText())
                && (l.path("ev").asText().equals("connect")
                        || l.path("ev").asText().equals("connect_error")));
    }

    void emit(String sock, String event, Object... args) throws InterruptedException {
        run(Map.of("emit", event, "sock", sock, "args", java.util.Arrays.asList(args)));
    }

    /** Emits asking for an ack; the ack's arguments. */
    JsonNode emitWithAck(String sock, String event, Object... args) throws InterruptedException {
        return run(Map.of("emit", event, "sock", sock, "args", java.util.Arrays.asList(args), "ack", true))
                .path("args");
    }

    /** The first line (from the start) that matches. */
    JsonNode await(Predicate<JsonNode> line) throws InterruptedException {
        return process.awaitLine(line, WAIT);
    }

    /** The arguments of the first {@code name} event of socket {@code sock} that matches. */
    JsonNode awaitEvent(String sock, String name, Predicate<JsonNode> args) throws InterruptedException {
        return await(l -> l.path("ev").asText().equals("event")
                        && l.path("sock").asText().equals(sock)
                        && l.path("name").asText().equals(name)
                        && args.test(l.path("args")))
                .path("args");
    }

    /** The arguments of every {@code name} event socket {@code sock} got so far. */
    List<JsonNode> events(String sock, String name) {
        return process.lines().stream()
                .filter(l -> l.path("ev").asText().equals("event")
                        && l.path("sock").asText().equals(sock)
                        && l.path("name").asText().equals(name))
                .map(l -> l.path("args"))
                .toList();
    }

    List<JsonNode> lines() {
        return process.lines();
    }

    @Override
    public void close() {
        process.close();
    }
}
