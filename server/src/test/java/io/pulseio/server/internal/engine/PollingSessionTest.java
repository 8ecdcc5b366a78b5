package io.pulseio.server.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpMethod;
import io.pulseio.server.DisconnectReason;
import io.pulseio.server.ServerOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A polling session in memory: the engine is given requests made on {@link EmbeddedChannel}s and
 * its answers are read back from them; the session lives on the loop of the connection that
 * opened it, whose virtual clock the test moves (ping interval 300 ms, ping timeout 200 ms). No
 * socket, no sleep.
 */
class PollingSessionTest {
    /** The connection that opened the session: its loop and its clock are the session's. */
    private final EmbeddedChannel home = InMemory.channel();
    /** Another connection of the same client, as a browser uses for its POSTs. */
    private final EmbeddedChannel other = InMemory.channel();

    private final InMemory.Recorder session = new InMemory.Recorder();
    private final List<String> received = session.received;
    private final List<DisconnectReason> reasons = session.reasons;
    private EngineServerImpl engine;
    private String sid;

    @BeforeEach
    void open() {
        engine = new EngineServerImpl(
                ServerOptions.builder()
                        .pingInterval(Duration.ofMillis(300))
                        .pingTimeout(Duration.ofMillis(200))
                        .build(),
                home.eventLoop());
        engine.onConnection(session);
        String handshake = InMemory.handshake(engine, home);
        assertThat(handshake).startsWith("200 0{").contains("\"upgrades\":[\"websocket\"]");
        sid = InMemory.sid(handshake);
    }

    private void request(EmbeddedChannel ch, HttpMethod method, String query, String body) {
        InMemory.send(engine, ch, method, query, body);
    }

    private void get(EmbeddedChannel ch) {
        request(ch, HttpMethod.GET, "EIO=4&transport=polling&sid=" + sid, "");
    }

    private void post(EmbeddedChannel ch, String payload) {
        request(ch, HttpMethod.POST, "EIO=4&transport=polling&sid=" + sid, payload);
    }

    private static String answer(EmbeddedChannel ch) {
        return InMemory.answer(ch);
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
        session.socket.send("a");
        session.socket.send("b");
        assertThat(answer(home)).as("flushed in the next loop turn").isNull();
        home.runPendingTasks();
        assertThat(answer(home)).isEqualTo("200 4a\u001e4b");
    }

    @Test
    void aGetFindsWhatWasQueuedWhileNoneWasHeld() {
        session.socket.send("early");
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
        session.socket.close();
        assertThat(answer(home)).isEqualTo("200 1");
        assertThat(reasons).containsExactly(DisconnectReason.FORCED_CLOSE);
    }

    @Test
    void aServerCloseWithPacketsQueuedSendsThemThenCloseOnTheNextGet() {
        session.socket.send("bye");
        session.socket.close();
        home.runPendingTasks();
        assertThat(reasons).as("waiting for the client's GET").isEmpty();
        get(home);
        assertThat(answer(home)).isEqualTo("200 4bye\u001e1");
        assertThat(reasons).containsExactly(DisconnectReason.FORCED_CLOSE);
    }

    @Test
    void aServerCloseWithPacketsQueuedGivesTheClientPingIntervalPlusPingTimeout() {
        session.socket.send("bye");
        session.socket.close();
        advance(499);
        assertThat(reasons).isEmpty();
        advance(1);
        // the heartbeat's timer falls due at the same time (its ping could not go): one of the two
        // ends the session
        assertThat(reasons).hasSize(1);
    }
}
