package io.pulseio.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import io.pulseio.client.SocketListener;
import io.pulseio.client.Transport;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A Socket.IO client of the studio's live channel, as the page is: commands with acks, pushed events queued. */
final class StudioClient implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final SocketIoClient client;
    private final Socket socket;
    final CompletableFuture<String> outcome = new CompletableFuture<>();
    final BlockingQueue<JsonNode> traces = new LinkedBlockingQueue<>();
    final BlockingQueue<JsonNode> runStates = new LinkedBlockingQueue<>();
    final BlockingQueue<JsonNode> debugStates = new LinkedBlockingQueue<>();

    StudioClient(int port, String token, String origin) {
        ClientOptions.Builder options = ClientOptions.builder("http://127.0.0.1:" + port)
                .transports(Transport.WEBSOCKET)
                .reconnection(false);
        if (token != null) {
            options.auth(Map.of("token", token));
        }
        if (origin != null) {
            options.header("Origin", origin);
        }
        client = SocketIoClient.create(options.build());
        socket = client.socket("/studio");
        socket.addListener(new SocketListener() {
            @Override
            public void onConnect() {
                outcome.complete("connected");
            }

            @Override
            public void onConnectError(String message, JsonNode data) {
                outcome.complete("refused: " + message);
            }
        });
        socket.on("trace", (args, ack) -> traces.add(args.get(0)));
        socket.on("runState", (args, ack) -> runStates.add(args.get(0)));
        socket.on("debug", (args, ack) -> debugStates.add(args.get(0)));
        socket.connect();
    }

    /** How the connection ended up: {@code connected} or {@code refused: reason}. */
    String awaitOutcome() throws Exception {
        return outcome.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    JsonNode ask(String command, Object args) throws Exception {
        return socket.emitWithAck(WAIT, command, args)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS)
                .get(0);
    }

    JsonNode ask(String command, String text) throws Exception {
        return ask(command, JSON.createObjectNode().put("text", text));
    }

    /** Waits for a trace batch whose events include one that {@code match} accepts; returns that event. */
    JsonNode awaitTraceEvent(Predicate<JsonNode> match) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode batch = traces.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (batch == null) {
                break;
            }
            for (JsonNode e : batch.path("events")) {
                if (match.test(e)) {
                    return e;
                }
            }
        }
        throw new AssertionError("no such trace event within " + WAIT);
    }

    /** Waits for a pushed debugger state that {@code match} accepts (earlier ones are dropped). */
    JsonNode awaitDebug(Predicate<JsonNode> match) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode state = debugStates.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (state != null && match.test(state)) {
                return state;
            }
        }
        throw new AssertionError("no such debug state within " + WAIT);
    }

    JsonNode awaitRunState(String state) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode s = runStates.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (s != null && state.equals(s.path("state").asText())) {
                return s;
            }
        }
        throw new AssertionError("no run state " + state + " within " + WAIT);
    }

    @Override
    public void close() {
        client.close();
    }
}
