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
    Recorder r = harness.open(EngineHarness.options(server.port(), WEBSOCKET)).awaitClose();
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
}
