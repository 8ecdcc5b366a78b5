package io.pulseio.server;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No connection can exhaust the server: pipelined requests and ping floods whose answers are
 * never read stop being read, stalled and idle connections are closed (408 where Node sends it),
 * and a normal client is served meanwhile.
 */
class ConnectionGuardTest {
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

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(10_000);
        return s;
    }

    /** Reads until the server closes the connection (10 s at most without a byte); what came. */
    private static String readToEnd(Socket s) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                seen.write(chunk, 0, n);
            }
        } catch (java.net.SocketException e) {
            // reset by the server: closed too
        }
        return seen.toString(US_ASCII);
    }

    private void assertServed() {
        try (WsClient ws = WsClient.open(port, "/socket.io/", "", true)) {
            assertThat(ws.nextText()).startsWith("0{");
            ws.send("40");
            assertThat(ws.nextText()).startsWith("40{\"sid\"");
        }
    }

    /**
     * Writes {@code chunk} until the server stops reading (a write blocks for 2 s), 64 MB at
     * most; returns the bytes written.
     */
    private static long writeUntilBlocked(Socket s, byte[] chunk) throws Exception {
        OutputStream out = s.getOutputStream();
        java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        Thread writer = new Thread(() -> {
            try {
                while (written.get() < (64L << 20)) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                // closed by the server or by the test
            }
        });
        writer.setDaemon(true);
        writer.start();
        long last = -1;
        while (writer.isAlive() && written.get() != last) {
            last = written.get();
            writer.join(2000);
        }
        return written.get();
    }

    @Test
    void pipelinedRequestsWhoseResponsesAreNeverReadStopBeingRead() throws Exception {
        start(ServerOptions.builder());
        byte[] requests = "GET /other HTTP/1.1\r\nHost: x\r\n\r\n".repeat(256).getBytes(US_ASCII);
        try (Socket attacker = connect()) {
            long written = writeUntilBlocked(attacker, requests);
            assertThat(written)
                    .as("the server stopped reading long before 64 MB")
                    .isLessThan(64L << 20);
            assertServed();
        }
        assertServed();
    }

    @Test
    void aPingFloodWhosePongsAreNeverReadStopsBeingRead() throws Exception {
        start(ServerOptions.builder());
        try (Socket attacker = connect()) {
            OutputStream out = attacker.getOutputStream();
            out.write(("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\n"
                            + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(US_ASCII));
            byte[] ping = new byte[6 + 125];
            ping[0] = (byte) 0x89;
            ping[1] = (byte) (0x80 | 125);
            byte[] pings = new byte[ping.length * 512];
            for (int i = 0; i < 512; i++) {
                System.arraycopy(ping, 0, pings, i * ping.length, ping.length);
            }
            long written = writeUntilBlocked(attacker, pings);
            assertThat(written)
                    .as("the server stopped reading long before 64 MB")
                    .isLessThan(64L << 20);
            assertServed();
        }
        assertServed();
    }

    @Test
    void aConnectionThatTakesNoOutputIsClosedAfterTheWriteTimeout() throws Exception {
        start(ServerOptions.builder().writeTimeout(Duration.ofMillis(300)));
        byte[] requests = "GET /other HTTP/1.1\r\nHost: x\r\n\r\n".repeat(256).getBytes(US_ASCII);
        try (Socket attacker = connect()) {
            writeUntilBlocked(attacker, requests);
            attacker.setSoTimeout(100);
            // unread responses fill the socket buffers; once the server gives up, reading ends
            attacker.getInputStream().read(new byte[64]);
            attacker.setSoTimeout(10_000);
            byte[] chunk = new byte[65536];
            long total = 0;
            try {
                for (int n = attacker.getInputStream().read(chunk);
                        n >= 0 && total < (64L << 20);
                        n = attacker.getInputStream().read(chunk)) {
                    total += n;
                }
            } catch (java.net.SocketException e) {
                // reset: closed
            }
            assertThat(total)
                    .as("responses held for the connection stayed bounded")
                    .isLessThan(16L << 20);
        }
        assertServed();
    }

    @Test
    void anIdleConnectionWithNoRequestGets408AfterTheHeadersTimeout() throws Exception {
        start(ServerOptions.builder().headersTimeout(Duration.ofMillis(300)));
        try (Socket idle = connect()) {
            assertThat(readToEnd(idle)).startsWith("HTTP/1.1 408 Request Timeout");
        }
        assertServed();
    }

    @Test
    void headersSentSlowlyGet408AfterTheHeadersTimeout() throws Exception {
        start(ServerOptions.builder().headersTimeout(Duration.ofMillis(300)));
        try (Socket slow = connect()) {
            slow.getOutputStream().write("GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nX-".getBytes(US_ASCII));
            assertThat(readToEnd(slow)).startsWith("HTTP/1.1 408 Request Timeout");
        }
    }

    @Test
    void aBodySentSlowlyGets408AfterTheRequestTimeout() throws Exception {
        start(ServerOptions.builder().requestTimeout(Duration.ofMillis(400)));
        try (Socket slow = connect()) {
            slow.getOutputStream()
                    .write(("POST /socket.io/?EIO=4&transport=polling&sid=x HTTP/1.1\r\n"
                                    + "Host: x\r\nContent-Length: 100\r\n\r\nabc")
                            .getBytes(US_ASCII));
            assertThat(readToEnd(slow)).startsWith("HTTP/1.1 408 Request Timeout");
        }
    }

    @Test
    void anIdleKeptAliveConnectionIsClosedAfterTheKeepAliveTimeout() throws Exception {
        start(ServerOptions.builder().keepAliveTimeout(Duration.ofMillis(300)));
        try (Socket client = connect()) {
            client.getOutputStream().write("GET /other HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(US_ASCII));
            String seen = readToEnd(client);
            assertThat(seen).startsWith("HTTP/1.1 404 Not Found").doesNotContain("408");
        }
    }

    @Test
    void connectionsOverTheCapAreClosedAtOnceAndTheOthersServed() throws Exception {
        start(ServerOptions.builder().maxConnections(2));
        try (Socket first = connect();
                Socket second = connect();
                Socket third = connect()) {
            third.setSoTimeout(5000);
            try {
                assertThat(third.getInputStream().read())
                        .as("the third is closed")
                        .isEqualTo(-1);
            } catch (java.net.SocketException e) {
                // reset: closed
            }
            first.getOutputStream().write("GET /other HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(US_ASCII));
            byte[] head = new byte[12];
            assertThat(first.getInputStream().readNBytes(head, 0, 12)).isEqualTo(12);
            assertThat(new String(head, US_ASCII)).isEqualTo("HTTP/1.1 404");
        }
        assertServed();
    }

    @Test
    void anRsv1FrameWithoutANegotiatedExtensionIsClosedWith1002() throws Exception {
        start(ServerOptions.builder());
        assertThat(closeCodeAfter(new byte[] {(byte) 0xC1, (byte) 0x81, 0, 0, 0, 0, '2'}))
                .isEqualTo(1002);
    }

    @Test
    void protocolErrorsAreReportedToObserversWithTheirSession() throws Exception {
        start(ServerOptions.builder());
        java.util.concurrent.LinkedBlockingQueue<String> seen = new java.util.concurrent.LinkedBlockingQueue<>();
        server.observe(new ServerObserver() {
            @Override
            public void inputRejected(EngineSocket session, RejectedInput kind) {
                seen.add(kind + (session == null ? " without a session" : ""));
            }
        });
        assertThat(closeCodeAfter(new byte[] {(byte) 0xC1, (byte) 0x81, 0, 0, 0, 0, '2'}))
                .isEqualTo(1002);
        assertThat(seen.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("WEBSOCKET_PROTOCOL_ERROR");
        assertThat(closeCodeAfter(closeFrame(999, new byte[0]))).isEqualTo(1002);
        assertThat(seen.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("WEBSOCKET_PROTOCOL_ERROR");
        assertThat(seen).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535})
    void aCloseFrameWithAnInvalidCodeIsAnsweredWith1002(int code) throws Exception {
        start(ServerOptions.builder());
        assertThat(closeCodeAfter(closeFrame(code, new byte[0]))).isEqualTo(1002);
        assertServed();
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1003, 1007, 1014, 3000, 4999})
    void aCloseFrameWithAValidCodeIsEchoed(int code) throws Exception {
        start(ServerOptions.builder());
        assertThat(closeCodeAfter(closeFrame(code, "bye".getBytes(US_ASCII)))).isEqualTo(code);
    }

    @Test
    void aCloseFrameWithAOneByteBodyIsAnsweredWith1002() throws Exception {
        start(ServerOptions.builder());
        assertThat(closeCodeAfter(new byte[] {(byte) 0x88, (byte) 0x81, 0, 0, 0, 0, 3}))
                .isEqualTo(1002);
    }

    @Test
    void aCloseFrameWhoseReasonIsNotUtf8IsAnsweredWith1007() throws Exception {
        start(ServerOptions.builder());
        assertThat(closeCodeAfter(closeFrame(1000, new byte[] {(byte) 0xC3, (byte) 0x28})))
                .isEqualTo(1007);
    }

    @Test
    void aCloseFrameWithoutACodeIsAnsweredWithoutOne() throws Exception {
        start(ServerOptions.builder());
        assertThat(closeCodeAfter(new byte[] {(byte) 0x88, (byte) 0x80, 0, 0, 0, 0}))
                .isEqualTo(1005);
    }

    /** A masked (zero key) close frame with {@code code} and {@code reason}. */
    private static byte[] closeFrame(int code, byte[] reason) {
        byte[] f = new byte[8 + reason.length];
        f[0] = (byte) 0x88;
        f[1] = (byte) (0x80 | (2 + reason.length));
        f[6] = (byte) (code >> 8);
        f[7] = (byte) code;
        System.arraycopy(reason, 0, f, 8, reason.length);
        return f;
    }

    /** Opens a WebSocket session, sends {@code frame}, returns the server's close code. */
    private int closeCodeAfter(byte[] frame) throws IOException {
        try (Socket s = connect()) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\n"
                            + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(US_ASCII));
            InputStream in = s.getInputStream();
            String head = "";
            while (!head.endsWith("\r\n\r\n")) {
                head += (char) in.read();
            }
            readFrame(in); // the OPEN packet
            out.write(frame);
            for (int i = 0; i < 10; i++) {
                byte[] f = readFrame(in);
                if (f == null) {
                    return -1;
                }
                if ((f[0] & 0x0f) == 8) {
                    return f.length >= 4 ? ((f[2] & 0xff) << 8) | (f[3] & 0xff) : 1005;
                }
            }
            return -1;
        } catch (SocketTimeoutException e) {
            return -1;
        }
    }

    /** One unmasked server frame (header bytes 0-1, then the payload), or null at the end. */
    private static byte[] readFrame(InputStream in) throws IOException {
        int b0 = in.read();
        int b1 = in.read();
        if (b0 < 0 || b1 < 0) {
            return null;
        }
        int len = b1 & 0x7f;
        if (len == 126) {
            len = (in.read() << 8) | in.read();
        } else if (len == 127) {
            throw new IOException("frame too long for this test");
        }
        byte[] out = new byte[2 + len];
        out[0] = (byte) b0;
        out[1] = (byte) b1;
        return in.readNBytes(out, 2, len) == len ? out : null;
    }
}
