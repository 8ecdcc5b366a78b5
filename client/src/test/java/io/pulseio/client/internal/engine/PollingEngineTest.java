package io.pulseio.client.internal.engine;

import static io.pulseio.client.internal.engine.EngineHarness.await;
import static io.pulseio.client.internal.engine.EngineHarness.take;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.client.internal.engine.EngineHarness.Recorder;
import io.pulseio.protocol.EnginePacket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PollingEngineTest {
    private static final List<String> POLLING = List.of("polling");

    private final EngineHarness harness = new EngineHarness();
    private TestEngineServer server;

    @AfterEach
    void tearDown() {
        harness.close();
        if (server != null) {
            server.close();
        }
    }

    private Recorder connect(long pingInterval, long pingTimeout, long maxPayload) throws Exception {
        server = new TestEngineServer(pingInterval, pingTimeout, maxPayload);
        return harness.open(EngineHarness.options(server.port(), POLLING)).awaitOpen();
    }

    @Test
    void handshakeOverPollingOpensTheSession() throws Exception {
        Recorder r = connect(25000, 20000, 1_000_000);
        assertThat(r.handshake.sid()).isEqualTo(server.session().sid);
        assertThat(r.handshake.maxPayload()).isEqualTo(1_000_000);
        assertThat(r.engine.transport()).isEqualTo("polling");
        await(r.engine::writable, "writable");
        assertThat(r.violations).isEmpty();
    }

    @Test
    void extraHeadersGoWithEveryRequest() throws Exception {
        Recorder r = connect(25000, 20000, 1_000_000);
        r.engine.send(EnginePacket.message("x"));
        take(server.received, 1);
        assertThat(server.requestHeaders).hasSizeGreaterThanOrEqualTo(2).allMatch(h -> h.endsWith(" yes"));
    }

    @Test
    void textAndBinaryMessagesFlowBothWays() throws Exception {
        Recorder r = connect(25000, 20000, 1_000_000);
        server.echo = true;
        byte[] bytes = {0, 1, 2, (byte) 0xff, 0x1e};
        r.engine.send(EnginePacket.message("héllo ✓ \uD83D\uDE00"));
        r.engine.send(EnginePacket.binary(bytes));
        assertThat(take(server.received, 2))
                .containsExactly(EnginePacket.message("héllo ✓ \uD83D\uDE00"), EnginePacket.binary(bytes));
        assertThat(r.takeMessages(2))
                .containsExactly(EnginePacket.message("héllo ✓ \uD83D\uDE00"), EnginePacket.binary(bytes));
    }

    @Test
    void postsAreSplitSoNoBodyExceedsMaxPayload() throws Exception {
        Recorder r = connect(25000, 20000, 1000);
        List<EnginePacket> sent = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            EnginePacket p =
                    i % 7 == 0 ? EnginePacket.binary(new byte[i]) : EnginePacket.message(i + ":" + "é".repeat(i % 40));
            sent.add(p);
            r.engine.send(p);
        }
        assertThat(take(server.received, sent.size())).containsExactlyElementsOf(sent);
        assertThat(server.postBodySizes).hasSizeGreaterThan(5).allMatch(size -> size <= 1000);
        assertThat(r.closeReason).isNull();
    }

    @Test
    void keepAliveReusesAtMostTwoConnections() throws Exception {
        Recorder r = connect(25000, 20000, 1_000_000);
        server.echo = true;
        for (int i = 0; i < 50; i++) {
            r.engine.send(EnginePacket.message("m" + i));
            assertThat(r.takeMessages(1)).containsExactly(EnginePacket.message("m" + i));
        }
        assertThat(server.connections.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void serverPingsAreAnsweredWithPongs() throws Exception {
        Recorder r = connect(100, 1000, 1_000_000);
        await(() -> server.pongs.get() >= 3, "three pongs");
        assertThat(r.closeReason).isNull();
    }

    @Test
    void silentServerIsDeclaredDeadAfterPingIntervalPlusTimeout() throws Exception {
        Recorder r = connect(100, 150, 1_000_000);
        server.sendPings = false;
        long start = System.nanoTime();
        r.awaitClose();
        assertThat(r.closeReason).isEqualTo("ping timeout");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(150);
        assertThat(r.violations).isEmpty();
    }

    @Test
    void serverCloseIsReportedAsTransportClose() throws Exception {
        Recorder r = connect(25000, 20000, 1_000_000);
        server.session().close();
        r.awaitClose();
        assertThat(r.closeReason).isEqualTo("transport close");
    }

    @Test
    void unknownSessionAnswer400IsATransportError() throws Exception {
        Recorder r = connect(25000, 20000, 1_000_000);
        server.failNextGet = 400;
        server.session().send(EnginePacket.NOOP); // answers the pending GET; the next one fails
        r.awaitClose();
        assertThat(r.closeReason).isEqualTo("transport error");
        assertThat(r.closeCause).hasMessageContaining("HTTP 400");
    }

    @Test
    void payloadTooLargeAnswer413IsATransportError() throws Exception {
        Recorder r = connect(25000, 20000, 1_000_000);
        server.failNextPost = 413;
        r.engine.send(EnginePacket.message("x"));
        r.awaitClose();
        assertThat(r.closeReason).isEqualTo("transport error");
        assertThat(r.closeCause).hasMessageContaining("HTTP 413");
    }

    @Test
    void closeSendsCloseAndReportsForcedClose() throws Exception {
        Recorder r = connect(25000, 20000, 1_000_000);
        r.engine.send(EnginePacket.message("last words"));
        r.engine.close();
        r.awaitClose();
        assertThat(r.closeReason).isEqualTo("forced close");
        assertThat(take(server.received, 2)).containsExactly(EnginePacket.message("last words"), EnginePacket.CLOSE);
        assertThat(r.engine.writable()).isFalse();
    }

    @Test
    void closeGoesInItsOwnPostAfterTheBufferedPacketsAndNoGetFollows() throws Exception {
        Recorder r = connect(25000, 20000, 1_000_000);
        await(r.engine::writable, "writable");
        // As the manager does when the last socket leaves: the DISCONNECT, then the close, in one task.
        harness.loop.execute(() -> {
            r.engine.send(EnginePacket.message("1"));
            r.engine.send(EnginePacket.message("bye"));
            r.engine.close();
        });
        r.awaitClose();
        assertThat(take(server.received, 3))
                .containsExactly(EnginePacket.message("1"), EnginePacket.message("bye"), EnginePacket.CLOSE);
        Thread.sleep(300); // room for a stray GET to show up

        List<String> log = List.copyOf(server.pollingLog);
        assertThat(log.stream().filter(e -> e.startsWith("POST")))
                .as("POSTs, in order; the server answered the pending GET with a CLOSE; log %s", log)
                .containsExactly("POST 41,4bye", "POST 1");
        assertThat(log.subList(log.indexOf("POST 1"), log.size()))
                .as("nothing after the CLOSE; log %s", log)
                .containsExactly("POST 1");
        assertThat(r.closeReason).isEqualTo("forced close");
        assertThat(r.violations).isEmpty();
    }

    @Test
    void aPacketSentApartGoesInItsOwnPostAfterThePreviousOneWasAnswered() throws Exception {
        Recorder r = connect(25000, 20000, 1_000_000);
        await(r.engine::writable, "writable");
        // As a socket does on emit-then-disconnect and the manager on the last socket leaving.
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
        List<String> log = List.copyOf(server.pollingLog);
        assertThat(log.stream().filter(e -> e.startsWith("POST")))
                .as("the packets before the DISCONNECTs, then those (and what follows), then CLOSE; log %s", log)
                .containsExactly("POST 41,42", "POST 4bye /a,4bye /b,43", "POST 1");
        assertThat(r.violations).isEmpty();
    }

    @Test
    void aPacketSentApartWithNothingBeforeItIsNotDelayed() throws Exception {
        Recorder r = connect(25000, 20000, 1_000_000);
        await(r.engine::writable, "writable");
        harness.loop.execute(() -> r.engine.sendApart(EnginePacket.message("bye")));
        assertThat(take(server.received, 1)).containsExactly(EnginePacket.message("bye"));
        await(r.engine::writable, "writable again");
        harness.loop.execute(() -> {
            r.engine.sendApart(EnginePacket.message("bye again"));
            r.engine.send(EnginePacket.message("after"));
        });
        assertThat(take(server.received, 2))
                .containsExactly(EnginePacket.message("bye again"), EnginePacket.message("after"));
        List<String> log = List.copyOf(server.pollingLog);
        assertThat(log.stream().filter(e -> e.startsWith("POST")))
                .as("log %s", log)
                .containsExactly("POST 4bye", "POST 4bye again,4after");
    }

    @Test
    void unansweredHandshakeTimesOutAsTransportError() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            EngineOptions o = EngineHarness.options(silent.getLocalPort(), POLLING);
            EngineOptions quick = new EngineOptions(
                    o.secure(),
                    o.host(),
                    o.port(),
                    o.path(),
                    o.query(),
                    o.headers(),
                    o.transports(),
                    o.upgrade(),
                    null,
                    300);
            Recorder r = harness.open(quick).awaitClose();
            assertThat(r.closeReason).isEqualTo("transport error");
            assertThat(r.closeCause).hasMessageContaining("handshake");
        }
    }

    @Test
    void refusedConnectionIsATransportError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Recorder r = harness.open(EngineHarness.options(port, POLLING)).awaitClose();
        assertThat(r.closeReason).isEqualTo("transport error");
        // Worded alike on epoll and NIO (no "finishConnect(..) failed with error(-111)" prefix).
        assertThat(r.closeCause)
                .isInstanceOf(java.net.ConnectException.class)
                .hasMessageStartingWith("Connection refused: ");
        assertThat(r.violations).isEmpty();
    }
}
