package io.pulseio.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Threads: fixed by the event loops, never per connection, round trip or timer; released on close. */
@Timeout(60)
class ThreadsTest {
    private TestServer server;

    @BeforeEach
    void startServer() throws InterruptedException {
        server = new TestServer().start(0);
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        server.close();
    }

    /**
     * Client loop threads alive now that were not in {@code before}. Threads are compared by
     * identity, so another test's loop thread that is still winding down does not count either way.
     */
    private static Set<Thread> newClientThreads(Set<Thread> before) {
        Set<Thread> now = clientThreads();
        now.removeAll(before);
        return now;
    }

    /** Waits (a little) for the threads made since {@code before} to end; returns those still alive. */
    private static Set<Thread> newClientThreadsSettled(Set<Thread> before) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Set<Thread> left = newClientThreads(before);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            left = newClientThreads(before);
        }
        return left;
    }

    private static Set<Thread> clientThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("pulseio-client-")) {
                threads.add(t);
            }
        }
        return threads;
    }

    @Test
    void clientsSharingEventLoopsAddNoThreads() throws Exception {
        Set<Thread> before = clientThreads();
        try (EventLoops loops = EventLoops.create(1)) {
            List<SocketIoClient> clients = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                clients.add(SocketIoClient.create(ClientOptions.builder(server.url())
                        .transports(Transport.WEBSOCKET)
                        .eventLoops(loops)
                        .ackTimeout(Duration.ofSeconds(5))
                        .build()));
            }
            for (SocketIoClient client : clients) {
                Socket socket = client.socket().connect();
                for (int i = 0; i < 50; i++) {
                    socket.emitWithAck("echo", i).get(10, TimeUnit.SECONDS);
                }
                client.socket("/other").connect().emitWithAck("echo").get(10, TimeUnit.SECONDS);
            }
            assertThat(newClientThreads(before)).hasSize(1);
            clients.forEach(SocketIoClient::close);
            assertThat(loops.isClosed())
                    .as("a shared EventLoops outlives its clients")
                    .isFalse();
        }
        assertThat(newClientThreadsSettled(before)).isEmpty();
    }

    @Test
    void closingAClientStopsTheThreadItMade() throws Exception {
        Set<Thread> before = clientThreads();
        SocketIoClient client = SocketIoClient.create(ClientOptions.builder(server.url())
                .transports(Transport.WEBSOCKET)
                .build());
        client.socket().connect().emitWithAck("echo").get(10, TimeUnit.SECONDS);
        assertThat(newClientThreads(before)).hasSize(1);
        client.close();
        assertThat(newClientThreadsSettled(before)).isEmpty();
    }

    @Test
    void jvmWhoseClientsAreClosedExits() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", classpath, ExitProbe.class.getName(), server.url())
                .redirectErrorStream(true)
                .redirectOutput(File.createTempFile("exit-probe", ".log"))
                .start();
        boolean exited = p.waitFor(30, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly();
        }
        assertThat(exited).as("the child JVM exits by itself").isTrue();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void reconnectionAttemptsAddNoThreads() throws Exception {
        int port = server.port();
        server.stop();
        Set<Thread> before = clientThreads();
        try (SocketIoClient client = SocketIoClient.create(ClientOptions.builder("http://127.0.0.1:" + port)
                .transports(Transport.WEBSOCKET)
                .reconnectionDelay(Duration.ofMillis(10))
                .reconnectionDelayMax(Duration.ofMillis(20))
                .build())) {
            client.socket().connect();
            Thread.sleep(500);
            assertThat(newClientThreads(before)).hasSize(1);
        }
        assertThat(newClientThreadsSettled(before)).isEmpty();
    }
}
