package io.pulseio.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (Debian's package, {@code /usr/bin/redis-server} or
 * {@code -Dpulseio.redis=PATH}) on a free loopback port with its own temporary folder and no
 * persistence (or, {@link #startPersistent}, an append-only file synced at every write, so that a
 * restart keeps everything), stopped by {@link #close} (and by a shutdown hook should the JVM end
 * first).
 */
final class RedisServer implements AutoCloseable {
    final int port;
    private final Path dir;
    private boolean persistent;
    private Process process;

    private RedisServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    static RedisServer start() {
        try {
            return startOn(freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts one that keeps its data across {@link #kill} and {@link #launch}. */
    static RedisServer startPersistent() {
        try {
            RedisServer redis = new RedisServer(freePort(), Files.createTempDirectory("pulseio-redis"));
            redis.persistent = true;
            redis.launch();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts one on this port. */
    static RedisServer startOn(int port) {
        try {
            RedisServer redis = new RedisServer(port, Files.createTempDirectory("pulseio-redis"));
            redis.launch();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts it (again, on the same port) and waits until it accepts connections. */
    void launch() {
        String binary = System.getProperty("pulseio.redis", "/usr/bin/redis-server");
        if (!Files.isExecutable(Path.of(binary))) {
            throw new IllegalStateException("no redis-server at " + binary
                    + ": install Debian's redis-server (.ci/run does) or set -Dpulseio.redis");
        }
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        binary,
                        "--port",
                        String.valueOf(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        persistent ? "yes" : "no",
                        "--appendfsync",
                        "always",
                        "--dir",
                        dir.toString()))
                .redirectErrorStream(true);
        CountDownLatch ready = new CountDownLatch(1);
        StringBuilder output = new StringBuilder();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            synchronized (output) {
                                output.append(line).append('\n');
                            }
                            if (line.contains("Ready to accept connections")) {
                                ready.countDown();
                            }
                        }
                    } catch (IOException ignored) {
                        // it ended
                    }
                },
                "redis-server " + port);
        reader.setDaemon(true);
        reader.start();
        try {
            if (!ready.await(10, TimeUnit.SECONDS)) {
                started.destroyForcibly();
                synchronized (output) {
                    throw new IllegalStateException("redis-server did not start:\n" + output);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code redis-cli} on it; returns what it printed, trimmed. */
    String cli(String... args) throws IOException, InterruptedException {
        String binary =
                System.getProperty("pulseio.redis", "/usr/bin/redis-server").replace("redis-server", "redis-cli");
        List<String> command = new java.util.ArrayList<>(List.of(binary, "-p", String.valueOf(port)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return out;
    }

    /** Kills it at once, as a crash would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill();
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
