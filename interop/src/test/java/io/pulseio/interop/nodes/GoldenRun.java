package io.pulseio.interop.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.interop.NodeServer;
import io.pulseio.logic.LoadResult;
import io.pulseio.logic.ProjectLoader;
import io.pulseio.logic.ProjectRun;
import io.pulseio.logic.RunOptions;
import io.pulseio.logic.trace.JsonLinesTraceWriter;
import io.pulseio.logic.trace.TraceEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One project run against the fixture server, the way a user runs it: loaded from its file with the plugins
 * {@link java.util.ServiceLoader} finds and {@code PULSEIO_URL} set to the server's URL; Print lines and
 * trace events captured. Expected files: {@code NAME.out} (Print lines then {@code exit N}; a line starting
 * with {@code ~ } is a regular expression, one with {@code * } a regular expression that zero or more lines
 * match, for what timing decides) and {@code NAME.trace} (the trace's {@code sent}, {@code received}
 * and {@code error} records without their timestamps).
 *
 * <p>Run with {@code -Dpulseio.golden.update=true} to rewrite the expected files from what happened (then
 * review the diff: golden files are only as good as that review).
 */
final class GoldenRun implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final Set<String> TRACED = Set.of("sent", "received", "error");
    private static final boolean UPDATE = Boolean.getBoolean("pulseio.golden.update");
    /** {@code -Dpulseio.golden.dump=true} prints every trace record to stderr, for debugging. */
    private static final boolean DUMP = Boolean.getBoolean("pulseio.golden.dump");

    final ProjectRun run;
    private final List<String> output = new ArrayList<>();
    private final List<TraceEvent> trace = new ArrayList<>();

    private GoldenRun(String name, String json, Map<String, String> env) {
        LoadResult loaded = ProjectLoader.builder().environment(env).build().load(json);
        assertThat(loaded.problems()).as("problems of " + name).isEmpty();
        run = loaded.orThrow()
                .start(RunOptions.builder()
                        .output(this::print)
                        .trace(this::traced)
                        .build());
    }

    /** Starts {@code nodes/NAME.json} against {@code server}. */
    static GoldenRun start(String name, NodeServer server) {
        String resource = "nodes/" + name + ".json";
        return new GoldenRun(resource, text(resource), Map.of("PULSEIO_URL", server.url()));
    }

    /** Starts a project given as JSON text (e.g. a resource with settings changed by the test) against {@code server}. */
    static GoldenRun startJson(String name, String json, NodeServer server) {
        return new GoldenRun(name, json, Map.of("PULSEIO_URL", server.url()));
    }

    /** Starts a project given as JSON text that needs no fixture server. */
    static GoldenRun startJson(String name, String json) {
        return new GoldenRun(name, json, Map.of());
    }

    /** Starts a project file against {@code server}. */
    static GoldenRun startFile(Path file, NodeServer server) throws IOException {
        return new GoldenRun(file.toString(), Files.readString(file), Map.of("PULSEIO_URL", server.url()));
    }

    /** Starts a project file that needs no fixture server (e.g. one that hosts its own). */
    static GoldenRun startFile(Path file) throws IOException {
        return new GoldenRun(file.toString(), Files.readString(file), Map.of());
    }

    /** Starts {@code nodes/NAME.json}, which needs no fixture server. */
    static GoldenRun start(String name) {
        String resource = "nodes/" + name + ".json";
        return new GoldenRun(resource, text(resource), Map.of());
    }

    /** Runs {@code nodes/NAME.json} (no fixture server) to its end and compares it with its expected files. */
    static void check(String name) throws Exception {
        try (GoldenRun r = start(name)) {
            r.awaitExitAndCompare("nodes/" + name);
        }
    }

    /** Runs {@code nodes/NAME.json} to its end and compares its output and trace with the expected files. */
    static void check(String name, NodeServer server) throws Exception {
        try (GoldenRun r = start(name, server)) {
            r.awaitExitAndCompare("nodes/" + name);
        }
    }

    /** Waits for the run to stop, then compares with {@code BASE.out} and, when present, {@code BASE.trace}. */
    void awaitExitAndCompare(String base) throws Exception {
        int exit = run.awaitExit(WAIT);
        List<String> out = output();
        out.add("exit " + exit);
        compare(base + ".out", out, true);
        compare(base + ".trace", traceLines(), false);
    }

    /** Waits until a printed line matches. */
    void awaitLine(Predicate<String> matches) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (output) {
            while (output.stream().noneMatch(matches)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || run.isStopped()) {
                    throw new AssertionError("no matching line within " + WAIT + "; printed: " + output);
                }
                output.wait(Math.max(1, Math.min(left / 1_000_000, 100)));
            }
        }
    }

    List<String> output() {
        synchronized (output) {
            return new ArrayList<>(output);
        }
    }

    /** The sent, received and error records, without timestamps. */
    List<String> traceLines() {
        synchronized (trace) {
            return trace.stream()
                    .filter(e -> TRACED.contains(e.kind()))
                    .map(e -> JsonLinesTraceWriter.line(e).replaceFirst("^\\{\"t\":\\d+,", "{"))
                    .toList();
        }
    }

    private void print(String line) {
        synchronized (output) {
            output.add(line);
            output.notifyAll();
        }
    }

    private void traced(TraceEvent event) {
        if (DUMP) {
            System.err.println(JsonLinesTraceWriter.line(event));
        }
        synchronized (trace) {
            trace.add(event);
        }
    }

    private static void compare(String resource, List<String> actual, boolean required) throws IOException {
        if (UPDATE) {
            Path file = Path.of("src/test/resources", resource);
            if (required || Files.exists(file)) {
                Files.write(file, actual, StandardCharsets.UTF_8);
            }
            return;
        }
        String expectedText = textOrNull(resource);
        if (expectedText == null) {
            assertThat(required).as("expected file " + resource).isFalse();
            return;
        }
        List<String> expected = expectedText.lines().toList();
        String context = resource + ", actual:\n" + String.join("\n", actual);
        int a = 0;
        for (int i = 0; i < expected.size(); i++) {
            String e = expected.get(i);
            if (e.startsWith("* ")) {
                // zero or more lines matching: for what timing decides, e.g. failed reconnection attempts
                while (a < actual.size() && actual.get(a).matches(e.substring(2))) {
                    a++;
                }
                continue;
            }
            assertThat(a).as(context + "\nmissing line " + (i + 1) + ": " + e).isLessThan(actual.size());
            if (e.startsWith("~ ")) {
                assertThat(actual.get(a)).as(context + "\nline " + (i + 1)).matches(e.substring(2));
            } else {
                assertThat(actual.get(a)).as(context + "\nline " + (i + 1)).isEqualTo(e);
            }
            a++;
        }
        assertThat(actual.subList(a, actual.size()))
                .as(context + "\nunexpected trailing lines")
                .isEmpty();
    }

    static String text(String resource) {
        String text = textOrNull(resource);
        if (text == null) {
            throw new IllegalArgumentException("no test resource " + resource);
        }
        return text;
    }

    private static String textOrNull(String resource) {
        try (InputStream in = GoldenRun.class.getResourceAsStream("/" + resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        run.close();
    }
}
