package io.pulseio.client.internal.engine;

import static io.pulseio.client.internal.engine.EngineHarness.await;
import static io.pulseio.client.internal.engine.EngineHarness.take;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.client.internal.engine.EngineHarness.Recorder;
import io.pulseio.protocol.EnginePacket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UpgradeTest {
    private static final List<String> BOTH = List.of("polling", "websocket");

    private final EngineHarness harness = new EngineHarness();
    private TestEngineServer server;

    @AfterEach
    void tearDown() {
        harness.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pollingUpgradesToWebSocket() throws Exception {
        server = new TestEngineServer(25000, 20000, 1_000_000);
        Recorder r = harness.open(EngineHarness.options(server.port(), BOTH)).awaitOpen();
        // read at open, on the loop: on epoll the upgrade can be done before this thread looks
        assertThat(r.openedOn).isEqualTo("polling");
        await(() -> !r.transports.isEmpty(), "the upgrade");
        assertThat(r.transports).containsExactly("websocket");
        assertThat(r.engine.transport()).isEqualTo("websocket");
        await(() -> server.session().upgraded, "the server to see the upgrade");
        server.echo = true;
        r.engine.send(EnginePacket.message("after"));
        assertThat(r.takeMessages(1)).containsExactly(EnginePacket.message("after"));
        assertThat(r.violations).isEmpty();
    }

    @Test
    void noPacketIsLostOrReorderedAcrossTheUpgradeEitherWay() throws Exception {
        server = new TestEngineServer(25000, 20000, 200);
        int n = 2000;
        List<EnginePacket> toServer = new ArrayList<>();
        List<EnginePacket> toClient = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            toServer.add(i % 9 == 0 ? EnginePacket.binary(new byte[] {(byte) i}) : EnginePacket.message("c" + i));
            toClient.add(i % 11 == 0 ? EnginePacket.binary(new byte[] {(byte) -i}) : EnginePacket.message("s" + i));
        }
        server.onConnection = s -> new Thread(() -> {
                    for (EnginePacket p : toClient) {
                        s.send(p);
                        pause();
                    }
                })
                .start();
        Recorder r = harness.open(EngineHarness.options(server.port(), BOTH));
        for (EnginePacket p : toServer) {
            r.engine.send(p); // from the test thread, before and during and after the open and the upgrade
            pause();
        }
        assertThat(take(server.received, n)).containsExactlyElementsOf(toServer);
        assertThat(r.takeMessages(n)).containsExactlyElementsOf(toClient);
        assertThat(r.transports).containsExactly("websocket");
        assertThat(server.postBodySizes).isNotEmpty().allMatch(size -> size <= 200);
        assertThat(r.closeReason).isNull();
    }

    @Test
    void failedProbeKeepsPolling() throws Exception {
        server = new TestEngineServer(25000, 20000, 1_000_000);
        server.answerProbe = false;
        server.echo = true;
        Recorder r = harness.open(EngineHarness.options(server.port(), BOTH)).awaitOpen();
        for (int i = 0; i < 20; i++) {
            r.engine.send(EnginePacket.message("m" + i));
            assertThat(r.takeMessages(1)).containsExactly(EnginePacket.message("m" + i));
            Thread.sleep(10);
        }
        assertThat(r.engine.transport()).isEqualTo("polling");
        assertThat(r.transports).isEmpty();
        assertThat(r.closeReason).isNull();
    }

    @Test
    void noUpgradeWhenTheServerOffersNone() throws Exception {
        server = new TestEngineServer(25000, 20000, 1_000_000);
        server.offerUpgrade = false;
        server.echo = true;
        Recorder r = harness.open(EngineHarness.options(server.port(), BOTH)).awaitOpen();
        r.engine.send(EnginePacket.message("x"));
        r.takeMessages(1);
        assertThat(r.engine.transport()).isEqualTo("polling");
    }

    @Test
    void closeDuringTheUpgradeStillReportsForcedCloseOnce() throws Exception {
        server = new TestEngineServer(25000, 20000, 1_000_000);
        Recorder r = harness.open(EngineHarness.options(server.port(), BOTH)).awaitOpen();
        r.engine.close();
        r.awaitClose();
        Thread.sleep(200);
        assertThat(r.closeReason).isEqualTo("forced close");
        assertThat(r.violations).isEmpty();
    }

    private static void pause() {
        if (Math.random() < 0.05) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
