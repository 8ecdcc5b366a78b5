package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Engine.IO and HTTP layers' refusals reach {@link ServerObserver#inputRejected} (with no
 * session), one report per refusal, each of the kind its answer says, over raw sockets.
 */
class EngineRejectionsTest {
    private SocketIoServer server;
    private final LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();

    private int start(ServerOptions.Builder options) {
        server = SocketIoServer.create(options.host("127.0.0.1").port(0).build());
        server.observe(new ServerObserver() {
            @Override
            public void inputRejected(EngineSocket session, RejectedInput kind) {
                seen.add(kind.name() + (session == null ? "" : " with a session"));
            }
        });
        return server.start();
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    /** Sends {@code request} and returns the status line of the answer. */
    private static String ask(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            return statusLine(s.getInputStream());
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }

    private static String get(String query) {
        return "GET /socket.io/?" + query + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    }

    private String next() throws InterruptedException {
        return seen.poll(10, TimeUnit.SECONDS);
    }

    @Test
    void eachEngineIoErrorIsReportedByItsKind() throws Exception {
        int port = start(ServerOptions.builder());
        assertThat(ask(port, get("EIO=4&transport=carrier-pigeon"))).contains("400");
        assertThat(next()).isEqualTo("UNKNOWN_TRANSPORT");
        assertThat(ask(port, get("EIO=4&transport=polling&sid=nobody"))).contains("400");
        assertThat(next()).isEqualTo("UNKNOWN_SESSION");
        assertThat(ask(port, get("EIO=3&transport=polling"))).contains("400");
        assertThat(next()).isEqualTo("UNSUPPORTED_PROTOCOL_VERSION");
        assertThat(ask(
                        port,
                        "POST /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n"
                                + "Content-Length: 2\r\nConnection: close\r\n\r\n40"))
                .contains("400");
        assertThat(next()).isEqualTo("BAD_HANDSHAKE_METHOD");
        assertThat(seen).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIsReported() throws Exception {
        int port = start(ServerOptions.builder().maxHttpBufferSize(100));
        String body = "4" + "x".repeat(500);
        assertThat(ask(
                        port,
                        "POST /socket.io/?EIO=4&transport=polling&sid=abc HTTP/1.1\r\nHost: x\r\n" + "Content-Length: "
                                + body.length() + "\r\n\r\n" + body))
                .contains("413");
        assertThat(next()).isEqualTo("BODY_TOO_LARGE");
    }

    @Test
    void headersThatNeverEndAreReportedAsATimeout() throws Exception {
        int port = start(ServerOptions.builder().headersTimeout(Duration.ofMillis(300)));
        assertThat(ask(port, "GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n"))
                .contains("408");
        assertThat(next()).isEqualTo("REQUEST_TIMEOUT");
    }

    @Test
    void aRequestThatDoesNotParseIsReported() throws Exception {
        int port = start(ServerOptions.builder());
        assertThat(ask(port, "GET /socket.io/?EIO=4 HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n" + "\r\n"))
                .contains("400");
        assertThat(next()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aConnectionOverTheCapIsReported() throws Exception {
        int port = start(ServerOptions.builder().maxConnections(1));
        try (Socket held = new Socket("127.0.0.1", port)) {
            OutputStream out = held.getOutputStream();
            out.write("GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            held.setSoTimeout(10_000);
            assertThat(statusLine(held.getInputStream())).contains("200"); // counted, held open
            try (Socket refused = new Socket("127.0.0.1", port)) {
                refused.setSoTimeout(10_000);
                assertThat(refused.getInputStream().read()).isEqualTo(-1); // closed at once
            }
            assertThat(next()).isEqualTo("CONNECTION_LIMIT");
        }
    }
}
