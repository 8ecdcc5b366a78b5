package io.pulseio.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a connect error says when nothing listens on the port, and when the server accepts the TCP
 * connection but never answers: plain words, the address without the JDK's stray slash, and what
 * timed out after how long.
 */
@Timeout(60)
class ConnectFailureWordsTest {

    /** Connects once (no reconnection) and returns the first connect error. */
    private static String firstConnectError(ClientOptions options) throws InterruptedException {
        LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        try (SocketIoClient client = SocketIoClient.create(options)) {
            client.socket().addListener(new SocketListener() {
                @Override
                public void onConnect() {
                    seen.add("connected");
                }

                @Override
                public void onConnectError(String message, JsonNode data) {
                    seen.add(message);
                }
            });
            client.socket().connect();
            String first = seen.poll(30, TimeUnit.SECONDS);
            assertThat(first).as("a connect error within 30 s").isNotNull();
            return first;
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @Test
    void aRefusedConnectionNamesTheAddressWithoutAStraySlash() throws Exception {
        int port = closedPort();
        for (Transport transport : Transport.values()) {
            String byIp = firstConnectError(ClientOptions.builder("http://127.0.0.1:" + port)
                    .transports(transport)
                    .reconnection(false)
                    .build());
            assertThat(byIp)
                    .as(transport.toString())
                    .isEqualTo("transport error: Connection refused: 127.0.0.1:" + port);
        }
        String byName = firstConnectError(ClientOptions.builder("http://localhost:" + port)
                .transports(Transport.WEBSOCKET)
                .reconnection(false)
                .build());
        assertThat(byName)
                .matches("transport error: Connection refused: localhost:" + port + " \\((127\\.0\\.0\\.1|"
                        + "\\[[0-9a-f:]+\\])\\)");
    }

    @Test
    void aServerThatNeverAnswersGivesATimeoutSayingWhatAndAfterHowLong() throws Exception {
        // The kernel completes the TCP handshake into the backlog; nobody ever reads or answers.
        try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getByName("127.0.0.1"))) {
            int port = silent.getLocalPort();
            for (Transport transport : Transport.values()) {
                String error = firstConnectError(ClientOptions.builder("http://127.0.0.1:" + port)
                        .transports(transport)
                        .reconnection(false)
                        .connectTimeout(Duration.ofMillis(300))
                        .build());
                assertThat(error)
                        .as(transport.toString())
                        .isEqualTo("timeout: the connection to 127.0.0.1:" + port
                                + " did not open within 300 ms (connect timeout)");
            }
        }
    }
}
