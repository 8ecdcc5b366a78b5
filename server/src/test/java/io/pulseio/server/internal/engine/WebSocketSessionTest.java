package io.pulseio.server.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.pulseio.server.DisconnectReason;
import io.pulseio.server.EngineSocket;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.Transport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A session opened over WebSocket, in memory: its transport exists from the handshake request on
 * and carries packets once the handshake's reply is written. The connection is an
 * {@link EmbeddedChannel} whose virtual clock is the session's (ping interval 300 ms, ping
 * timeout 200 ms). No socket, no sleep.
 */
class WebSocketSessionTest {
    private final EmbeddedChannel ws = InMemory.channel(new HttpServerCodec());
    private final InMemory.Recorder session = new InMemory.Recorder();
    private EngineServerImpl engine;

    /** Opens the session; {@code alsoOnConnection} runs after the recorder, as the session opens. */
    private void open(Consumer<EngineSocket> alsoOnConnection) {
        engine = new EngineServerImpl(
                ServerOptions.builder()
                        .pingInterval(Duration.ofMillis(300))
                        .pingTimeout(Duration.ofMillis(200))
                        .build(),
                ws.eventLoop());
        engine.stages();
        engine.onConnection(session);
        engine.onConnection(alsoOnConnection);
        InMemory.webSocketHandshake(engine, ws, "EIO=4&transport=websocket");
    }

    private void advance(long millis) {
        ws.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        ws.runPendingTasks();
        ws.runPendingTasks(); // what the due timers queued
    }

    @Test
    void theOpenPacketGoesFirstThenWhatAConnectionListenerSent() {
        open(s -> s.send("hello"));
        List<String> frames = InMemory.frames(ws);
        assertThat(frames).hasSize(2);
        assertThat(frames.get(0)).startsWith("0{\"sid\":").contains("\"upgrades\":[]");
        assertThat(frames.get(1)).isEqualTo("4hello");
        assertThat(session.socket.transport()).isEqualTo(Transport.WEBSOCKET);
    }

    @Test
    void framesReachTheSessionAndAnUnansweredPingEndsIt() {
        open(s -> {});
        InMemory.frames(ws);
        ws.writeInbound(new TextWebSocketFrame("4hi"));
        assertThat(session.received).containsExactly("hi");
        advance(300);
        assertThat(InMemory.frames(ws)).containsExactly("2");
        ws.writeInbound(new TextWebSocketFrame("3"));
        advance(300);
        assertThat(InMemory.frames(ws))
                .as("the next ping, an interval after the pong")
                .containsExactly("2");
        advance(199);
        assertThat(session.reasons).isEmpty();
        advance(1);
        assertThat(session.reasons).containsExactly(DisconnectReason.PING_TIMEOUT);
        assertThat(InMemory.frames(ws)).containsExactly("close");
        assertThat(ws.isOpen()).isFalse();
    }

    @Test
    void theConnectionClosingEndsTheSessionWithTransportClose() {
        open(s -> {});
        ws.close();
        assertThat(session.reasons).containsExactly(DisconnectReason.TRANSPORT_CLOSE);
    }

    @Test
    void aSessionClosedByAConnectionListenerClosesItsWebSocketOnceTheHandshakeIsWritten() {
        open(EngineSocket::close);
        assertThat(session.reasons).containsExactly(DisconnectReason.FORCED_CLOSE);
        assertThat(InMemory.frames(ws)).as("no OPEN packet").containsExactly("close");
        assertThat(ws.isOpen()).isFalse();
    }
}
