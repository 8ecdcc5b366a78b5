package io.pulseio.server.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.pulseio.server.DisconnectReason;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.Transport;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The upgrade of a polling session to WebSocket, in memory: the probe's WebSocket is an
 * {@link EmbeddedChannel} with the HTTP codec the handshake replaces; the test writes the
 * client's frames into it and reads the server's back. The session's clock (the polling
 * connection's) is moved by the test: no socket, no sleep.
 */
class UpgradeSessionTest {
    private final EmbeddedChannel home = InMemory.channel();
    private final InMemory.Recorder session = new InMemory.Recorder();
    private final List<String> received = session.received;
    private final List<DisconnectReason> reasons = session.reasons;
    private EngineServerImpl engine;
    private String sid;

    @BeforeEach
    void open() {
        engine = new EngineServerImpl(ServerOptions.builder().build(), home.eventLoop());
        engine.stages();
        engine.onConnection(session);
        sid = InMemory.sid(InMemory.handshake(engine, home));
    }

    private void get() {
        InMemory.send(engine, home, HttpMethod.GET, "EIO=4&transport=polling&sid=" + sid, "");
    }

    private void advance(long millis) {
        home.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        home.runPendingTasks();
        home.runPendingTasks(); // what the due timers queued
    }

    /** A WebSocket handshake naming the session, on a new connection; returns the connection. */
    private EmbeddedChannel webSocket() {
        EmbeddedChannel ws = InMemory.channel(new HttpServerCodec());
        InMemory.webSocketHandshake(engine, ws, "EIO=4&transport=websocket&sid=" + sid);
        return ws;
    }

    /** A WebSocket whose probe has been answered. */
    private EmbeddedChannel probed() {
        EmbeddedChannel ws = webSocket();
        ws.writeInbound(new TextWebSocketFrame("2probe"));
        assertThat(frames(ws)).containsExactly("3probe");
        return ws;
    }

    private static List<String> frames(EmbeddedChannel ws) {
        return InMemory.frames(ws);
    }

    @Test
    void theUpgradeMovesTheSessionAndItsQueueToTheWebSocket() {
        get();
        EmbeddedChannel ws = probed();
        advance(99);
        assertThat(InMemory.answer(home)).isNull();
        advance(1);
        assertThat(InMemory.answer(home))
                .as("the held poll ends so that the client can upgrade")
                .isEqualTo("200 6");
        session.socket.send("queued");
        home.runPendingTasks();
        assertThat(session.socket.transport()).isEqualTo(Transport.POLLING);

        ws.writeInbound(new TextWebSocketFrame("5"));
        assertThat(session.upgraded).isTrue();
        assertThat(session.socket.transport()).isEqualTo(Transport.WEBSOCKET);
        assertThat(frames(ws)).containsExactly("4queued");

        session.socket.send("after");
        home.runPendingTasks();
        assertThat(frames(ws)).containsExactly("4after");
        ws.writeInbound(new TextWebSocketFrame("4hi"));
        assertThat(received).containsExactly("hi");

        get();
        assertThat(InMemory.answer(home))
                .as("polling is over")
                .startsWith("400 ")
                .contains("Bad request");
        assertThat(reasons).isEmpty();
    }

    @Test
    void aPollHeldWhenTheUpgradeCompletesIsRefused() {
        EmbeddedChannel ws = probed();
        get();
        ws.writeInbound(new TextWebSocketFrame("5"));
        assertThat(InMemory.answer(home)).startsWith("400 ");
        assertThat(session.socket.transport()).isEqualTo(Transport.WEBSOCKET);
        assertThat(reasons).isEmpty();
    }

    @Test
    void theSessionsEndClosesItsWebSocketWithACloseFrame() {
        EmbeddedChannel ws = probed();
        ws.writeInbound(new TextWebSocketFrame("5"));
        session.socket.close();
        assertThat(frames(ws)).containsExactly("close");
        assertThat(ws.isOpen()).isFalse();
        assertThat(reasons).containsExactly(DisconnectReason.FORCED_CLOSE);
    }

    @Test
    void anUpgradeNotCompletedInTimeIsGivenUpAndPollingGoesOn() {
        EmbeddedChannel ws = probed();
        advance(9_999);
        assertThat(ws.isOpen()).isTrue();
        advance(1);
        assertThat(ws.isOpen()).as("upgradeTimeout, 10 s").isFalse();
        get();
        session.socket.send("still polling");
        home.runPendingTasks();
        assertThat(InMemory.answer(home)).isEqualTo("200 4still polling");
        assertThat(reasons).isEmpty();
    }

    @Test
    void aBinaryFrameOnTheProbeGivesTheUpgradeUp() {
        EmbeddedChannel ws = webSocket();
        ws.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1})));
        assertThat(ws.isOpen()).isFalse();
        assertThat(session.socket.transport()).isEqualTo(Transport.POLLING);
    }

    @Test
    void aWebSocketForASessionAlreadyUpgradedIsAcceptedThenClosed() {
        EmbeddedChannel ws = probed();
        ws.writeInbound(new TextWebSocketFrame("5"));
        EmbeddedChannel second = webSocket();
        assertThat(frames(second)).containsExactly("close");
        assertThat(second.isOpen()).isFalse();
        assertThat(ws.isOpen()).isTrue();
        assertThat(reasons).isEmpty();
    }
}
