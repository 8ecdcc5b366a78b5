package io.pulseio.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One running Node.js fixture script: its stdout read line by line (plain lines go to a
 * callback, JSON lines are kept in order for {@link #awaitLine}), its stderr kept for error
 * messages. Stopped by {@link #close()} and, should the JVM exit first, by a shutdown hook; the
 * fixtures also exit by themselves when their stdin closes.
 */
final class NodeProcess implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Process process;
    private final Thread shutdownHook;
    private final List<JsonNode> lines = new ArrayList<>();
    private final StringBuilder stderr = new StringBuilder();

    private NodeProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.shutdownHook = new Thread(process::destroyForcibly, "stop " + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code node fixtures/<script> args...} in the interop folder.
     *
     * @param plainLines receives every stdout line that is not a JSON object (e.g. LISTENING)
     */
    static NodeProcess start(String script, List<String> args, Map<String, String> env, Consumer<String> plainLines) {
        Path dir = interopDir();
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("pulseio.node", "node"));
        command.add(dir.resolve("fixtures").resolve(script).toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(env);
        builder.environment().put("FIXTURE_EXIT_ON_STDIN_EOF", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start node (is Node.js 18+ on the PATH?): " + command, e);
        }
        NodeProcess node = new NodeProcess(script, process);
        node.pump(process.getInputStream(), "stdout", line -> node.onStdout(line, plainLines));
        node.pump(process.getErrorStream(), "stderr", line -> {
            synchronized (node.stderr) {
                node.stderr.append(line).append('\n');
            }
        });
        return node;
    }

    /** The interop module's folder (where package.json and fixtures/ are). */
    static Path interopDir() {
        String configured = System.getProperty("pulseio.interop.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("fixtures")) && Files.isDirectory(dir.resolve("interop/fixtures"))) {
            dir = dir.resolve("interop");
        }
        if (!Files.isDirectory(dir.resolve("node_modules/socket.io"))) {
            throw new IllegalStateException("no node_modules/socket.io in " + dir
                    + ": run `npm ci` there (Maven does it in generate-test-resources)");
        }
        return dir;
    }

    private void pump(InputStream in, String stream, Consumer<String> sink) {
        Thread t = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            sink.accept(line);
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                    synchronized (lines) {
                        lines.notifyAll();
                    }
                },
                name + " " + stream);
        t.setDaemon(true);
        t.start();
    }

    private void onStdout(String line, Consumer<String> plainLines) {
        if (line.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(line);
                synchronized (lines) {
                    lines.add(node);
                    lines.notifyAll();
                }
                return;
            } catch (IOException notJson) {
                // fall through: a plain line
            }
        }
        plainLines.accept(line);
    }

    /** Every JSON line printed so far, in order. */
    List<JsonNode> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /**
     * Waits for the first JSON line (from the start) that matches.
     *
     * @throws AssertionError when none came within the timeout, listing what did come
     */
    JsonNode awaitLine(Predicate<JsonNode> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (JsonNode line : lines) {
                    if (matches.test(line)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(
                            name + ": no matching line within " + timeout + "; got " + lines + describeStderr());
                }
                TimeUnit.NANOSECONDS.timedWait(lines, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }
    }

    /** Writes one line to the process's stdin (a command for fixtures that read them). */
    void send(String line) {
        try {
            var in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new IllegalStateException(name + " does not take input any more", e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to exit; returns its exit code, or -1 after the timeout. */
    int waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** Kills the process at once (SIGKILL), as a crash would, and waits for it to be gone. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    String describeStderr() {
        String err = stderr().strip();
        return err.isEmpty() ? "" : "\n" + name + " stderr:\n" + err;
    }

    /** Stops the process: SIGTERM, then SIGKILL if it has not exited within 3 s. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!awaitExit(Duration.ofSeconds(3))) {
                process.destroyForcibly();
                awaitExit(Duration.ofSeconds(5));
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmShuttingDown) {
            // the hook is running or about to: nothing to remove
        }
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
