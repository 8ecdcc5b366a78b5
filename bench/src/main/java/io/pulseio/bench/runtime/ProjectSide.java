package io.pulseio.bench.runtime;

import io.pulseio.logic.LoadResult;
import io.pulseio.logic.NodeRegistry;
import io.pulseio.logic.ProjectLoader;
import io.pulseio.logic.ProjectRun;
import io.pulseio.logic.RunOptions;
import io.pulseio.nodes.socketio.SocketIoPlugin;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark project, run by the logic runtime with the Socket.IO plugin:
 * <pre>
 * On Project Start → Socket.IO Start;  On Socket.IO Start → Subscribe p, Subscribe push-done
 * command "push"  → Send push(message)                       (the server then pushes n × p)
 * On Receive p    → Send count(received message)             (every received event goes back)
 * On Receive push-done → Send With Ack count-done → reply → report "counted"
 * command "ack"   → lap → Send With Ack echo(message) → reply → lap → … (until the armed laps are taken)
 * On Socket.IO Error → report "error"
 * </pre>
 * No trace is written (as {@code pulseio run} without {@code --trace}).
 */
final class ProjectSide implements AutoCloseable {
    private static final String CONNECTION = "bench";

    private final BenchPlugin plugin = new BenchPlugin();
    private final Probe probe = plugin.probe();
    private final ProjectRun run;
    private final Duration timeout;

    ProjectSide(String url, Duration timeout) throws Exception {
        this.timeout = timeout;
        ProjectLoader loader = ProjectLoader.builder()
                .registry(NodeRegistry.of(new SocketIoPlugin(), plugin))
                .environment(Map.of())
                .build();
        LoadResult loaded = loader.load(project(url));
        if (!loaded.isValid()) {
            throw new IllegalStateException("invalid benchmark project: " + loaded.problems());
        }
        run = loaded.orThrow().start(RunOptions.builder().output(line -> {}).build());
        Set<String> waiting = new HashSet<>(Set.of("p", "push-done"));
        while (!waiting.isEmpty()) {
            waiting.remove(probe.nextReport("subscribed", timeout).value());
        }
    }

    /** Server pushes {@code n} events, each sent back by the project; returns {server count, nanos}. */
    long[] echoThrough(int n) throws Exception {
        long t0 = System.nanoTime();
        probe.command("push", Integer.toString(n));
        Probe.Report counted = probe.nextReport("counted", timeout);
        return new long[] {Long.parseLong(counted.value()), counted.nanoTime() - t0};
    }

    /** {@code n} sequential Send With Ack round trips, each next send issued by the previous reply's pulse. */
    Laps ackRoundTrips(int n, String payload) throws Exception {
        var laps = probe.armLaps(n + 1);
        probe.command("ack", payload);
        return Laps.of(laps.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public void close() {
        run.close();
    }

    static String project(String url) {
        URI uri = URI.create(url);
        String base = uri.getScheme() + "://" + uri.getHost();
        Map<String, String> conn = Map.of("configuration", CONNECTION);
        return new ProjectJson("runtime-bench")
                .connection(CONNECTION, base, uri.getPort())
                .node("boot", "core.onProjectStart")
                .node("connect", "socketio.start", conn, Map.of())
                .link("boot.out", "connect.in")
                .node("connected", "socketio.onStart", conn, Map.of())
                .node("both", "core.sequence")
                .node("subP", "socketio.subscribe", conn, Map.of("eventName", "p"))
                .node("subDone", "socketio.subscribe", conn, Map.of("eventName", "push-done"))
                .link("connected.out", "both.in")
                .link("both.then0", "subP.in")
                .link("both.then1", "subDone.in")
                .node("subscribed", "socketio.onSubscribe", conn, Map.of())
                .node("reportSubscribed", BenchPlugin.REPORT, Map.of("tag", "subscribed"), Map.of())
                .link("subscribed.out", "reportSubscribed.in")
                .link("subscribed.eventName", "reportSubscribed.value")
                // echo-through
                .node("pushCommand", BenchPlugin.ON_COMMAND, Map.of("name", "push"), Map.of())
                .node("push", "socketio.send", conn, Map.of("eventName", "push"))
                .link("pushCommand.out", "push.in")
                .link("pushCommand.message", "push.message")
                .node("received", "socketio.onReceive", Map.of("configuration", CONNECTION, "eventName", "p"), Map.of())
                .node("sendBack", "socketio.send", conn, Map.of("eventName", "count"))
                .link("received.out", "sendBack.in")
                .link("received.message", "sendBack.message")
                .node(
                        "pushDone",
                        "socketio.onReceive",
                        Map.of("configuration", CONNECTION, "eventName", "push-done"),
                        Map.of())
                .node("countDone", "socketio.sendWithAck", conn, Map.of("eventName", "count-done"))
                .node("reportCounted", BenchPlugin.REPORT, Map.of("tag", "counted"), Map.of())
                .link("pushDone.out", "countDone.in")
                .link("countDone.onReply", "reportCounted.in")
                .link("countDone.reply", "reportCounted.value")
                // ack round trips
                .node("ackCommand", BenchPlugin.ON_COMMAND, Map.of("name", "ack"), Map.of())
                .node("lap", BenchPlugin.LAP)
                .node("echo", "socketio.sendWithAck", conn, Map.of("eventName", "echo"))
                .link("ackCommand.out", "lap.in")
                .link("lap.out", "echo.in")
                .link("ackCommand.message", "echo.message")
                .link("echo.onReply", "lap.in")
                // errors
                .node("failed", "socketio.onError", conn, Map.of())
                .node("reportError", BenchPlugin.REPORT, Map.of("tag", "error"), Map.of())
                .link("failed.out", "reportError.in")
                .link("failed.message", "reportError.value")
                .json();
    }
}
