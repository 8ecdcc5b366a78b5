package io.pulseio.interop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.interop.NodeClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The official socket.io-client@4.8.4 ({@code fixtures/client.js}) against our server: scenarios
 * built step by step, run to their end either in the test's thread or in the background while
 * the test acts on the server.
 */
final class OfficialClient {
    /** How long one scenario may run in all; each step has its own shorter bound. */
    static final Duration RUN = Duration.ofSeconds(25);

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private OfficialClient() {}

    /** JSON text as a tree, to compare with what came (object key order does not matter). */
    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A scenario: the steps of {@code fixtures/client.js}, as maps. */
    static final class Steps {
        private final List<Map<String, Object>> steps = new ArrayList<>();

        /** A step from key-value pairs: {@code step("emit", "echo", "ack", true)}. */
        Steps step(Object... pairs) {
            Map<String, Object> step = new LinkedHashMap<>();
            for (int i = 0; i < pairs.length; i += 2) {
                step.put((String) pairs[i], pairs[i + 1]);
            }
            steps.add(step);
            return this;
        }

        Steps waitFor(String event) {
            return step("wait", event);
        }

        Steps waitFor(String event, String nsp) {
            return step("wait", event, "nsp", nsp);
        }

        Steps open(String nsp) {
            return step("open", nsp);
        }

        Steps emitWithAck(String event, Object... args) {
            return step("emit", event, "args", Arrays.asList(args), "ack", true);
        }

        Steps emitWithAckOn(String nsp, String event, Object... args) {
            return step("emit", event, "nsp", nsp, "args", Arrays.asList(args), "ack", true);
        }

        /** Tells the server that the client got this far (see {@code TestServer#awaitSignals}). */
        Steps signal(String name) {
            return emitWithAck("signal", name);
        }

        List<Map<String, Object>> list() {
            return List.copyOf(steps);
        }
    }

    static Steps steps() {
        return new Steps();
    }

    /** Runs the scenario to its end and checks that every step ran. */
    static NodeClient.Result run(String url, Map<String, ?> options, Steps steps) throws InterruptedException {
        return succeeded(NodeClient.run(url, options, steps.list(), RUN));
    }

    /** Starts the scenario in the background; {@link #finish} waits for it. */
    static CompletableFuture<NodeClient.Result> start(String url, Map<String, ?> options, Steps steps) {
        List<Map<String, Object>> list = steps.list();
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return NodeClient.run(url, options, list, RUN);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                },
                runnable -> {
                    Thread t = new Thread(runnable, "official client");
                    t.setDaemon(true);
                    t.start();
                });
    }

    /** The background scenario's result, checked to have run every step. */
    static NodeClient.Result finish(CompletableFuture<NodeClient.Result> running)
            throws InterruptedException, ExecutionException, TimeoutException {
        return succeeded(running.get(RUN.toMillis() + 5000, TimeUnit.MILLISECONDS));
    }

    private static NodeClient.Result succeeded(NodeClient.Result result) {
        assertThat(result.succeeded())
                .as("the official client failed:\n%s\n%s", result.lines(), result.stderr())
                .isTrue();
        return result;
    }

    /** The {@code event} lines for {@code name} on {@code nsp}, in order. */
    static List<JsonNode> events(NodeClient.Result result, String nsp, String name) {
        return result.lines("event").stream()
                .filter(l -> l.path("nsp").asText().equals(nsp)
                        && l.path("name").asText().equals(name))
                .toList();
    }

    /** The {@code event} lines for {@code name} on {@code /}. */
    static List<JsonNode> events(NodeClient.Result result, String name) {
        return events(result, "/", name);
    }

    /** The arguments of the {@code ack} lines for {@code name} on {@code nsp}, in order. */
    static List<JsonNode> acks(NodeClient.Result result, String nsp, String name) {
        return result.lines("ack").stream()
                .filter(l -> l.path("nsp").asText().equals(nsp)
                        && l.path("name").asText().equals(name))
                .map(l -> l.path("args"))
                .toList();
    }

    /** The first argument of the only (or first) ack of {@code name} on {@code /}. */
    static JsonNode ack(NodeClient.Result result, String name) {
        List<JsonNode> acks = acks(result, "/", name);
        assertThat(acks).as("acks of %s in %s", name, result.lines()).isNotEmpty();
        return acks.get(0).path(0);
    }

    /** The names of what the client printed, e.g. {@code connect /}, {@code event /chat news}. */
    static List<String> summary(NodeClient.Result result) {
        return result.lines().stream()
                .map(l -> {
                    String ev = l.path("ev").asText();
                    String nsp = l.path("nsp").asText("");
                    String name = l.has("name")
                            ? " " + l.path("name").asText()
                            : l.has("reason") ? " " + l.path("reason").asText() : "";
                    return (ev + " " + nsp).strip() + name;
                })
                .toList();
    }
}
