package io.pulseio.client.internal.engine;

import static io.pulseio.client.internal.engine.EngineHarness.await;
import static io.pulseio.client.internal.engine.EngineHarness.take;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.pulseio.client.internal.engine.EngineHarness.Recorder;
import io.pulseio.protocol.EnginePacket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebSocketEngineTest {
    private static final List<String> WEBSOCKET = List.of("websocket");

    private final EngineHarness harness = new EngineHarness();
    private TestEngineServer server;

    @AfterEach
    void tearDown() {
        harness.close();
        if (server != null) {
            server.close();
        }
    }

    private Recorder connect(long pingInterval, long pingTimeout) throws Exception {
        server = new TestEngineServer(pingInterval, pingTimeout, 1_000_000);
        return harness.open(EngineHarness.options(server.port(), WEBSOCKET)).awaitOpen();
    }

    @Test
    void handshakeOverWebSocketOpensTheSession() throws Exception {
        Recorder r = connect(25000, 20000);
        assertThat(r.handshake.sid()).isEqualTo(server.session().sid);
        assertThat(r.engine.transport()).isEqualTo("websocket");
        assertThat(r.transports).isEmpty();
        assertThat(server.requestHeaders).containsExactly("GET yes");
    }

    @Test
    void textAndBinaryMessagesFlowBothWaysInOrder() throws Exception {
        Recorder r = connect(25000, 20000);
        server.echo = true;
        List<EnginePacket> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sent.add(i % 5 == 0 ? EnginePacket.binary(new byte[] {(byte) i, 1, 2}) : EnginePacket.message("ü" + i));
        }
        sent.forEach(r.engine::send);
        assertThat(take(server.received, sent.size())).containsExactlyElementsOf(sent);
        assertThat(r.takeMessages(sent.size())).containsExactlyElementsOf(sent);
    }

    @Test
    void messagesLargerThanNettysDefaultFrameLimitArrive() throws Exception {
        Recorder r = connect(25000, 20000);
        server.echo = true;
        String big = "x".repeat(5 * 1024 * 1024);
        r.engine.send(EnginePacket.message(big));
        assertThat(r.takeMessages(1)).containsExactly(EnginePacket.message(big));
    }

    @Test
    void serverPingsAreAnsweredWithPongs() throws Exception {
        Recorder r = connect(100, 1000);
        await(() -> server.pongs.get() >= 3, "three pongs");
        assertThat(r.closeReason).isNull();
    }

    @Test
    void silentServerIsDeclaredDeadAfterPingIntervalPlusTimeout() throws Exception {
        Recorder r = connect(100, 150);
        server.sendPings = false;
        r.awaitClose();
        assertThat(r.closeReason).isEqualTo("ping timeout");
    }

    @Test
    void serverCloseIsReportedAsTransportClose() throws Exception {
        Recorder r = connect(25000, 20000);
        server.session().close();
        r.awaitClose();
        assertThat(r.closeReason).isEqualTo("transport close");
        assertThat(r.violations).isEmpty();
    }

    @Test
    void aRefusedWebSocketHandshakeIsATransportErrorNamingTheStatus() throws Exception {
        server = new TestEngineServer(25000, 20000, 1_000_000);
        server.failNextGet = 400;
        Recorder r =
                harness.open(EngineHarness.options(server.port(), WEBSOCKET)).awaitClose();
        assertThat(r.closeReason).isEqualTo("transport error");
        assertThat(r.closeCause).hasMessageContaining("400");
    }

    @Test
    void closeSendsCloseAndReportsForcedClose() throws Exception {
        Recorder r = connect(25000, 20000);
        r.engine.send(EnginePacket.message("bye"));
        r.engine.close();
        r.awaitClose();
        assertThat(r.closeReason).isEqualTo("forced close");
        assertThat(take(server.received, 2)).containsExactly(EnginePacket.message("bye"), EnginePacket.CLOSE);
    }

    @Test
    void aPacketSentApartGoesInAWriteOfItsOwnAfterThePreviousOneLeft() throws Exception {
        Recorder r = connect(25000, 20000);
        await(r.engine::writable, "writable");
        List<String> writes = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> hooked = new CompletableFuture<>();
        harness.loop.execute(() -> {
            Channel ch = ((WebSocketTransport) ((EngineSession) r.engine).currentTransport()).channel();
            ch.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
                /** The promise of the latest frame written, to check it had completed before the next flush. */
                private ChannelPromise last;

                @Override
                public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                    if (msg instanceof TextWebSocketFrame text) {
                        boolean previousLeft = last == null || last.isDone();
                        writes.add((previousLeft ? "" : "(previous pending) ") + text.text());
                    } else if (msg instanceof CloseWebSocketFrame) {
                        writes.add("close frame");
                    }
                    if (!promise.isVoid()) {
                        last = promise;
                    }
                    ctx.write(msg, promise);
                }

                @Override
                public void flush(ChannelHandlerContext ctx) {
                    writes.add("flush");
                    ctx.flush();
                }
            });
            hooked.complete(null);
        });
        hooked.get(10, TimeUnit.SECONDS);
        harness.loop.execute(() -> {
            r.engine.send(EnginePacket.message("1"));
            r.engine.send(EnginePacket.message("2"));
            r.engine.sendApart(EnginePacket.message("bye /a"));
            r.engine.sendApart(EnginePacket.message("bye /b"));
            r.engine.send(EnginePacket.message("3"));
            r.engine.close();
        });
        r.awaitClose();
        assertThat(take(server.received, 6))
                .containsExactly(
                        EnginePacket.message("1"),
                        EnginePacket.message("2"),
                        EnginePacket.message("bye /a"),
                        EnginePacket.message("bye /b"),
                        EnginePacket.message("3"),
                        EnginePacket.CLOSE);
        await(() -> writes.contains("close frame"), "the close frame");
        assertThat(writes.subList(0, 10))
                .containsExactly("41", "42", "flush", "4bye /a", "4bye /b", "43", "flush", "1", "flush", "close frame");
        assertThat(r.violations).isEmpty();
    }

    @Test
    void aPacketSentApartWithNothingBeforeItIsNotDelayed() throws Exception {
        Recorder r = connect(25000, 20000);
        await(r.engine::writable, "writable");
        AtomicBoolean sameTurn = new AtomicBoolean();
        harness.loop.execute(() -> {
            r.engine.sendApart(EnginePacket.message("bye"));
            // The flush runs in a task of its own; the packet is out when the loop comes back to us.
            harness.loop.execute(() -> sameTurn.set(r.engine.writable()));
        });
        assertThat(take(server.received, 1)).containsExactly(EnginePacket.message("bye"));
        await(sameTurn::get, "written in the flush that followed");
    }
}
