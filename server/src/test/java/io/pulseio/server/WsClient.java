package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw WebSocket test client: queues whole messages (String or byte[]); optionally answers the
 * server's Engine.IO pings itself and hides them.
 */
final class WsClient implements AutoCloseable {
    static final Object CLOSED = new Object();

    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final WebSocket ws;
    private final boolean autoPong;

    private WsClient(URI uri, boolean autoPong) {
        this.autoPong = autoPong;
        this.ws = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new Listener())
                .join();
    }

    static WsClient open(int port, String path, String query, boolean autoPong) {
        return new WsClient(
                URI.create("ws://localhost:" + port + path + "?EIO=4&transport=websocket"
                        + (query.isEmpty() ? "" : "&" + query)),
                autoPong);
    }

    /**
     * A Socket.IO client on WebSocket: checks the Engine.IO OPEN, then sends {@code connectPacket}
     * (e.g. {@code "40"}); its answer is left for the caller. Answers pings.
     */
    static WsClient socketIo(int port, String connectPacket) {
        WsClient ws = open(port, "/socket.io/", "", true);
        assertThat(ws.nextText()).startsWith("0{");
        ws.send(connectPacket);
        return ws;
    }

    void send(String text) {
        ws.sendText(text, true).join();
    }

    void send(byte[] data) {
        ws.sendBinary(ByteBuffer.wrap(data), true).join();
    }

    /** The next message, or {@link #CLOSED}; fails after 5 seconds. */
    Object next() {
        try {
            Object m = inbox.poll(5, TimeUnit.SECONDS);
            if (m == null) {
                throw new AssertionError("no message within 5 s");
            }
            return m;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    String nextText() {
        Object m = next();
        if (!(m instanceof String s)) {
            throw new AssertionError("expected a text message, got " + m);
        }
        return s;
    }

    /** Nothing arrives within {@code millis}. */
    Object poll(long millis) throws InterruptedException {
        return inbox.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ws.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                if (autoPong && message.equals("2")) {
                    webSocket.sendText("3", true);
                } else {
                    inbox.add(message);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.writeBytes(chunk);
            if (last) {
                inbox.add(binary.toByteArray());
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            inbox.add(CLOSED);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            inbox.add(CLOSED);
        }
    }
}
