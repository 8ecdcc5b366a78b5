package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A server at its file descriptor limit: a child JVM runs under {@code ulimit -n 256} and is sent
 * more idle connections than it can hold. It must not spin on the failing accept, must say so in
 * its log (not once per failure), must keep serving the clients it has, and must take the
 * clients that waited once descriptors free up. Linux only (bash, /proc).
 */
class FdLimitTest {
    private static final int LIMIT = 256;

    @Test
    void atTheFdLimitTheServerNeitherSpinsNorStopsAndServesOnceFdsFreeUp() throws Exception {
        assumeTrue(new File("/bin/bash").canExecute() && new File("/proc/self/stat").exists(), "needs bash and /proc");
        Path log = Files.createTempFile("fdlimit", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = String.join(
                File.pathSeparator,
                List.of(System.getProperty("jdk.module.path", ""), System.getProperty("java.class.path", "")));
        ProcessBuilder pb = new ProcessBuilder(
                "/bin/bash",
                "-c",
                "ulimit -n " + LIMIT + " && exec \"" + java + "\" -Xmx128m -cp \"$CP\" "
                        + FdLimitServerMain.class.getName());
        pb.environment().put("CP", cp);
        pb.redirectError(log.toFile());
        Process child = pb.start();
        List<Socket> idle = new ArrayList<>();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
            String first = CompletableFuture.supplyAsync(() -> {
                        try {
                            return out.readLine();
                        } catch (java.io.IOException e) {
                            return null;
                        }
                    })
                    .get(30, TimeUnit.SECONDS);
            assertThat(first).as("the child's first line; its log: %s", log).startsWith("port ");
            int port = Integer.parseInt(first.substring(5).trim());

            try (WsClient before = WsClient.socketIo(port, "40")) {
                assertThat(before.nextText()).startsWith("40{\"sid\"");
                // once before the limit: the child loads its classes from directories, which takes a
                // file descriptor each (in a jar they are loaded from the open jar)
                before.send("42[\"ping\"]");
                assertThat(before.nextText()).isEqualTo("42[\"pong\"]");
                for (int i = 0; i < LIMIT + 50; i++) {
                    Socket s = new Socket();
                    s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                    idle.add(s);
                }
                CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> {
                    try (WsClient late = WsClient.socketIo(port, "40")) {
                        return late.nextText();
                    }
                });
                long cpuBefore = cpuTicks(child.pid());
                // a real-time window, on purpose: what is measured is the CPU time another process burns
                // per second of wall time at the limit (a spinning accept loop), and nothing signals it
                Thread.sleep(3000);
                long cpuTicks = cpuTicks(child.pid()) - cpuBefore;
                // a spinning accept loop burns a whole core (about 300 ticks in 3 s); idle is a few
                assertThat(cpuTicks)
                        .as("CPU ticks of the child in 3 s at the limit")
                        .isLessThan(150);
                before.send("42[\"ping\"]");
                assertThat(before.nextText())
                        .as("a client it has, served at the limit")
                        .isEqualTo("42[\"pong\"]");
                assertThat(waiting).isNotDone();

                for (Socket s : idle) {
                    s.close();
                }
                idle.clear();
                assertThat(waiting.get(20, TimeUnit.SECONDS))
                        .as("the client that waited")
                        .startsWith("40{\"sid\"");
            }
            try (WsClient after = WsClient.socketIo(port, "40")) {
                assertThat(after.nextText()).startsWith("40{\"sid\"");
            }
            String text = Files.readString(log);
            long warnings = text.lines()
                    .filter(l -> l.contains("cannot accept new connections"))
                    .count();
            assertThat(warnings).as("warnings in the child's log:%n%s", text).isBetween(1L, 2L);
            assertThat(text).doesNotContain("OutOfMemoryError").doesNotContain("reached at the tail");
        } finally {
            for (Socket s : idle) {
                s.close();
            }
            child.getOutputStream().close();
            if (!child.waitFor(10, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    /** User and system CPU time of a process, in clock ticks, from {@code /proc/PID/stat}. */
    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
