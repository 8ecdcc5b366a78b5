package io.pulseio.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The official socket.io-client@4.8.4 running one scripted scenario ({@code fixtures/client.js};
 * steps and output lines: {@code fixtures/README.md}). For tests in which the official client
 * drives a server.
 *
 * <pre>{@code
 * NodeClient.Result result = NodeClient.run(url, Map.of("transports", List.of("websocket")),
 *     List.of(Map.of("wait", "connect"), Map.of("emit", "echo", "args", List.of(1), "ack", true)),
 *     Duration.ofSeconds(10));
 * }</pre>
 */
public final class NodeClient {
    private NodeClient() {}

    /** What the client printed, and whether it ran every step. */
    public record Result(int exitCode, List<JsonNode> lines, String stderr) {
        public boolean succeeded() {
            return exitCode == 0;
        }

        /** The lines with {@code "ev": ev}, in order. */
        public List<JsonNode> lines(String ev) {
            return lines.stream().filter(l -> ev.equals(l.path("ev").asText())).toList();
        }
    }

    /**
     * Runs the scenario to its end (bounded by {@code timeout}; the process is killed after it).
     *
     * @param options given to {@code io()} as JSON (plus {@code replies}: see the README)
     * @param steps the scenario, each step a JSON-able map
     */
    public static Result run(String url, Map<String, ?> options, List<? extends Map<String, ?>> steps, Duration timeout)
            throws InterruptedException {
        String optionsJson;
        String stepsJson;
        try {
            optionsJson = NodeProcess.JSON.writeValueAsString(options);
            stepsJson = NodeProcess.JSON.writeValueAsString(steps);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        int[] exitCode = {Integer.MIN_VALUE};
        try (NodeProcess process =
                NodeProcess.start("client.js", List.of(url, optionsJson, stepsJson), Map.of(), line -> {})) {
            int exit = process.waitFor(timeout);
            exitCode[0] = exit;
            if (exit < 0) {
                process.kill();
            }
            // The stdout reader may still be draining the last lines of an exited process.
            process.awaitLine(
                    l -> {
                        String ev = l.path("ev").asText();
                        return ev.equals("done") || ev.equals("failed");
                    },
                    Duration.ofSeconds(exit < 0 ? 0 : 2));
            return new Result(exit, process.lines(), process.stderr());
        } catch (AssertionError noEnd) {
            String how = exitCode[0] == Integer.MIN_VALUE
                    ? ""
                    : exitCode[0] < 0
                            ? " (still running: killed)"
                            : " (it exited with code " + exitCode[0] + " without a done/failed line)";
            throw new AssertionError("node client did not finish within " + timeout + how + ": " + noEnd.getMessage());
        }
    }
}
