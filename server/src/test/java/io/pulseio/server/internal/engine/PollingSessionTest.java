package io.pulseio.server.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.pulseio.server.DisconnectReason;
import io.pulseio.server.EngineSocket;
import io.pulseio.server.ServerOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A polling session in memory: the engine is given requests made on {@link EmbeddedChannel}s and
 * its answers are read back from them; the session lives on the loop of the connection that
 * opened it, whose virtual clock the test moves (ping interval 300 ms, ping timeout 200 ms). No
 * socket, no sleep.
 */
class PollingSessionTest {
  private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

  /** The connection that opened the session: its loop and its clock are the session's. */
  private final EmbeddedChannel home = channel();
  /** Another connection of the same client, as a browser uses for its POSTs. */
  private final EmbeddedChannel other = channel();
  private final List<String> received = new ArrayList<>();
  private final List<DisconnectReason> reasons = new ArrayList<>();
  private EngineServerImpl engine;
  private EngineSocket socket;
  private String sid;

  private static EmbeddedChannel channel() {
    EmbeddedChannel ch = new EmbeddedChannel(new ChannelInboundHandlerAdapter());
    ch.freezeTime();
    return ch;
  }

  @BeforeEach
  void open() {
    engine = new EngineServerImpl(ServerOptions.builder().pingInterval(Duration.ofMillis(300))
        .pingTimeout(Duration.ofMillis(200)).build(), home.eventLoop());
    engine.onConnection(s -> {
      socket = s;
      s.listen(new EngineSocket.Listener() {
        @Override
        public void onMessage(String text) {
          received.add(text);
        }

        @Override
        public void onClose(DisconnectReason reason) {
          reasons.add(reason);
        }
      });
    });
    request(home, HttpMethod.GET, "EIO=4&transport=polling", "");
    String handshake = answer(home);
    assertThat(handshake).startsWith("200 0{").contains("\"upgrades\":[\"websocket\"]");
    Matcher m = SID.matcher(handshake);
    assertThat(m.find()).isTrue();
    sid = m.group(1);
  }

  private void request(EmbeddedChannel ch, HttpMethod method, String query, String body) {
    FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method,
        "/engine.io/?" + query, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    try {
      engine.onRequest(Exchange.of(engine, ch.pipeline().firstContext(), request,
          new QueryStringDecoder(request.uri()), engine.cors().headersFor(request), false));
    } finally {
      request.release();
    }
  }

  private void get(EmbeddedChannel ch) {
    request(ch, HttpMethod.GET, "EIO=4&transport=polling&sid=" + sid, "");
  }

  private void post(EmbeddedChannel ch, String payload) {
    request(ch, HttpMethod.POST, "EIO=4&transport=polling&sid=" + sid, payload);
  }

  /** The status and body of the next answer written on {@code ch}, or null when none is. */
  private static String answer(EmbeddedChannel ch) {
    FullHttpResponse r = ch.readOutbound();
    if (r == null) {
      return null;
    }
    try {
      return r.status().code() + " " + r.content().toString(StandardCharsets.UTF_8);
    } finally {
      r.release();
    }
  }

  /** Moves the session's clock on and runs what falls due, then what that queued. */
  private void advance(long millis) {
    home.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
    home.runPendingTasks();
    home.runPendingTasks(); // a timer's packet is flushed in the loop turn after it
  }

  @Test
  void packetsQueuedInOneLoopTurnAreJoinedIntoOneAnswer() {
    get(home);
    assertThat(answer(home)).as("held").isNull();
    socket.send("a");
    socket.send("b");
    assertThat(answer(home)).as("flushed in the next loop turn").isNull();
    home.runPendingTasks();
    assertThat(answer(home)).isEqualTo("200 4a\u001e4b");
  }

  @Test
  void aGetFindsWhatWasQueuedWhileNoneWasHeld() {
    socket.send("early");
    home.runPendingTasks();
    get(home);
    assertThat(answer(home)).isEqualTo("200 4early");
  }

  @Test
  void aPostDeliversItsPacketsInOrder() {
    post(other, "4hello\u001e4world");
    assertThat(answer(other)).isEqualTo("200 ok");
    assertThat(received).containsExactly("hello", "world");
  }

  @Test
  void aBadPayloadIsRefusedAndEndsTheSessionWithParseError() {
    get(home);
    post(other, "x");
    assertThat(answer(other)).startsWith("400 ");
    assertThat(reasons).containsExactly(DisconnectReason.PARSE_ERROR);
    assertThat(answer(home)).as("the held GET is told").isEqualTo("200 1");
  }

  @Test
  void aSecondGetWhileOneIsHeldIsRefusedAndEndsTheSession() {
    get(home);
    get(other);
    assertThat(answer(other)).startsWith("400 ");
    assertThat(reasons).containsExactly(DisconnectReason.TRANSPORT_ERROR);
    assertThat(answer(home)).isEqualTo("200 1");
  }

  @Test
  void aHeldGetWhoseConnectionDropsEndsTheSession() {
    get(other);
    other.close();
    assertThat(reasons).containsExactly(DisconnectReason.TRANSPORT_ERROR);
  }

  @Test
  void aRequestNamingTheOtherTransportIsRefused() {
    request(other, HttpMethod.GET, "EIO=4&transport=websocket&sid=" + sid, "");
    assertThat(answer(other)).startsWith("400 ").contains("Bad request");
    assertThat(reasons).isEmpty();
  }

  @Test
  void anUnansweredPingEndsTheSessionAfterPingTimeout() {
    get(home);
    advance(299);
    assertThat(answer(home)).isNull();
    advance(1);
    assertThat(answer(home)).as("the ping").isEqualTo("200 2");
    advance(199);
    assertThat(reasons).isEmpty();
    advance(1);
    assertThat(reasons).containsExactly(DisconnectReason.PING_TIMEOUT);
    get(other);
    assertThat(answer(other)).startsWith("400 ").contains("Session ID unknown");
  }

  @Test
  void aPongInTimeKeepsTheSessionAndTheNextPingFollowsAnIntervalLater() {
    get(home);
    advance(300);
    assertThat(answer(home)).isEqualTo("200 2");
    advance(150);
    post(other, "3");
    assertThat(answer(other)).isEqualTo("200 ok");
    get(home);
    advance(299);
    assertThat(reasons).isEmpty();
    assertThat(answer(home)).isNull();
    advance(1);
    assertThat(answer(home)).isEqualTo("200 2");
  }

  @Test
  void theGetSentWithTheClientsCloseIsAnsweredWithANoop() {
    post(other, "1");
    assertThat(answer(other)).isEqualTo("200 ok");
    assertThat(reasons).containsExactly(DisconnectReason.TRANSPORT_CLOSE);
    get(home);
    assertThat(answer(home)).as("the raced GET").isEqualTo("200 6");
    get(home);
    assertThat(answer(home)).as("only one is owed").startsWith("400 ");
  }

  @Test
  void theNoopOwedToARacedGetLastsOneSecond() {
    post(other, "1");
    answer(other);
    advance(1000);
    get(home);
    assertThat(answer(home)).startsWith("400 ").contains("Session ID unknown");
  }

  @Test
  void theClientsCloseWhileAGetIsHeldAnswersItWithANoop() {
    get(home);
    post(other, "1");
    assertThat(answer(home)).isEqualTo("200 6");
    assertThat(reasons).containsExactly(DisconnectReason.TRANSPORT_CLOSE);
  }

  @Test
  void aServerCloseAnswersTheHeldGetWithClose() {
    get(home);
    socket.close();
    assertThat(answer(home)).isEqualTo("200 1");
    assertThat(reasons).containsExactly(DisconnectReason.FORCED_CLOSE);
  }

  @Test
  void aServerCloseWithPacketsQueuedSendsThemThenCloseOnTheNextGet() {
    socket.send("bye");
    socket.close();
    home.runPendingTasks();
    assertThat(reasons).as("waiting for the client's GET").isEmpty();
    get(home);
    assertThat(answer(home)).isEqualTo("200 4bye\u001e1");
    assertThat(reasons).containsExactly(DisconnectReason.FORCED_CLOSE);
  }

  @Test
  void aServerCloseWithPacketsQueuedGivesTheClientPingIntervalPlusPingTimeout() {
    socket.send("bye");
    socket.close();
    advance(499);
    assertThat(reasons).isEmpty();
    advance(1);
    // the heartbeat's timer falls due at the same time (its ping could not go): one of the two
    // ends the session
    assertThat(reasons).hasSize(1);
  }
}
