package io.pulseio.server;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After each attack the server's heap, measured after a full GC, returns near where it was
 * before: nothing an attacker sent stays pinned once it leaves. Bounded loops; the tolerance
 * (16 MB) is generous against what the attacks hold while they last (tens of MB).
 */
class HeapBaselineTest {
    private static final long TOLERANCE = 16L << 20;
    private SocketIoServer server;
    private int port;

    private void start(ServerOptions.Builder options) {
        server = SocketIoServer.create(options.host("127.0.0.1").ioThreads(2).build());
        port = server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Heap in use after full collections (the smallest of three; what MemoryMXBean reports). */
    private static long usedAfterGc() throws InterruptedException {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            Runtime rt = Runtime.getRuntime();
            min = Math.min(min, rt.totalMemory() - rt.freeMemory());
        }
        return min;
    }

    private void awaitNoSessions() throws InterruptedException {
        for (int i = 0; i < 500 && server.engine().sessionCount() > 0; i++) {
            Thread.sleep(10);
        }
        assertThat(server.engine().sessionCount()).isZero();
    }

    private void assertServed() {
        try (WsClient ws = WsClient.socketIo(port, "40")) {
            assertThat(ws.nextText()).startsWith("40{\"sid\"");
        }
    }

    @Test
    void unfinishedAttachmentsAreFreedWhenTheirConnectionsGo() throws Exception {
        start(ServerOptions.builder());
        assertServed();
        long baseline = usedAfterGc();
        List<WsClient> attackers = new ArrayList<>();
        try {
            for (int c = 0; c < 8; c++) {
                WsClient ws = WsClient.socketIo(port, "40");
                attackers.add(ws);
                assertThat(ws.nextText()).startsWith("40{\"sid\"");
                StringBuilder header = new StringBuilder("4510-[\"up\"");
                for (int i = 0; i < 10; i++) {
                    header.append(",{\"_placeholder\":true,\"num\":").append(i).append('}');
                }
                ws.send(header.append(']').toString());
                for (int i = 0; i < 9; i++) {
                    ws.send(new byte[1_000_000]); // 9 MB pending: under maxAttachmentBytes
                }
            }
            long held = 0;
            for (int i = 0; i < 100 && held < (40L << 20); i++) {
                held = usedAfterGc() - baseline;
            }
            System.out.printf("heap held during the attack: %.1f MB%n", held / 1e6);
            assertThat(held)
                    .as("held while the attack lasts (the measurement sees it)")
                    .isGreaterThan(40L << 20);
            assertServed();
        } finally {
            attackers.forEach(WsClient::close);
        }
        awaitNoSessions();
        assertAtBaseline(baseline);
        assertServed();
    }

    @Test
    void thousandsOfNamespacesJoinedAndLeftLeaveNoHeapBehind() throws Exception {
        start(ServerOptions.builder());
        server.namespaces(name -> name.startsWith("/n-"));
        assertServed();
        long baseline = usedAfterGc();
        try (WsClient ws = WsClient.socketIo(port, "40")) {
            assertThat(ws.nextText()).startsWith("40{\"sid\"");
            String pad = "x".repeat(200);
            for (int i = 0; i < 5000; i++) {
                ws.send("40/n-" + i + pad + ",");
                assertThat(ws.nextText()).startsWith("40/n-" + i + pad + ",{\"sid\"");
                ws.send("41/n-" + i + pad + ",");
            }
        }
        awaitNoSessions();
        assertAtBaseline(baseline);
        assertServed();
    }

    @Test
    void unreadResponsesAndPongsAreFreedWhenTheirConnectionsGo() throws Exception {
        start(ServerOptions.builder());
        assertServed();
        long baseline = usedAfterGc();
        byte[] requests = "GET /other HTTP/1.1\r\nHost: x\r\n\r\n".repeat(256).getBytes(US_ASCII);
        byte[] ping = new byte[6 + 125];
        ping[0] = (byte) 0x89;
        ping[1] = (byte) (0x80 | 125);
        byte[] pings = new byte[ping.length * 512];
        for (int i = 0; i < 512; i++) {
            System.arraycopy(ping, 0, pings, i * ping.length, ping.length);
        }
        byte[] upgrade = ("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\n"
                        + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(US_ASCII);
        List<Socket> attackers = new ArrayList<>();
        List<Thread> writers = new ArrayList<>();
        try {
            for (int c = 0; c < 4; c++) {
                Socket s = new Socket();
                s.setReceiveBufferSize(4096);
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                attackers.add(s);
                boolean ws = c % 2 == 1;
                if (ws) {
                    s.getOutputStream().write(upgrade);
                }
                writers.add(writer(s, ws ? pings : requests));
            }
            for (Thread w : writers) {
                w.join(20_000);
            }
            assertServed();
        } finally {
            for (Socket s : attackers) {
                s.close();
            }
        }
        awaitNoSessions();
        assertAtBaseline(baseline);
        assertServed();
    }

    private static void assertAtBaseline(long baseline) throws InterruptedException {
        long after = usedAfterGc() - baseline;
        System.out.printf(
                "heap after the attack: %+.1f MB over the baseline of %.1f MB%n", after / 1e6, baseline / 1e6);
        assertThat(after).as("heap after the attack, over the baseline").isLessThan(TOLERANCE);
    }

    /** Writes {@code chunk} until the server stops reading (no progress for 2 s), 64 MB at most. */
    private static Thread writer(Socket s, byte[] chunk) {
        AtomicLong written = new AtomicLong();
        Thread t = new Thread(() -> {
            try {
                OutputStream out = s.getOutputStream();
                while (written.get() < (64L << 20)) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                // closed
            }
        });
        t.setDaemon(true);
        t.start();
        Thread watcher = new Thread(() -> {
            long last = -1;
            try {
                while (t.isAlive() && written.get() != last) {
                    last = written.get();
                    t.join(2000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        watcher.start();
        return watcher;
    }
}
