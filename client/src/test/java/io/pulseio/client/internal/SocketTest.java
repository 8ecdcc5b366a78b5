package io.pulseio.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.client.Ack;
import io.pulseio.client.AckTimeoutException;
import io.pulseio.client.SendBufferFullException;
import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoException;
import io.pulseio.protocol.EnginePacket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The Socket.IO layer over a fake engine, in virtual time. */
class SocketTest {

    /** Opens the engine and answers the CONNECT of {@code /}. */
    private static Socket connected(Harness h) {
        Socket socket = h.manager.socket("/");
        socket.addListener(h.recorder("/"));
        socket.connect();
        h.run();
        h.engine().acceptOpen();
        assertThat(h.engine().takeTexts()).containsExactly("0");
        h.engine().receive("0{\"sid\":\"s1\"}");
        h.run();
        return socket;
    }

    @Test
    void connectOpensTheEngineAndJoinsTheNamespace() {
        try (Harness h = new Harness(Harness.options().auth(Map.of("token", "abc")))) {
            Socket socket = h.manager.socket("/");
            socket.addListener(h.recorder("/"));
            socket.connect();
            h.run();
            assertThat(h.engines).hasSize(1);
            assertThat(h.engine().opened).isTrue();
            h.engine().acceptOpen();
            assertThat(h.engine().takeTexts()).containsExactly("0{\"token\":\"abc\"}");
            assertThat(socket.connected()).isFalse();
            h.engine().receive("0{\"sid\":\"s1\"}");
            assertThat(socket.connected()).isTrue();
            assertThat(socket.id()).isEqualTo("s1");
            assertThat(h.takeEvents()).containsExactly("open", "/ connect");
            assertThat(h.manager.isOpen()).isTrue();
        }
    }

    @Test
    void namespacesShareOneEngine() {
        try (Harness h = new Harness(Harness.options())) {
            connected(h);
            Socket admin = h.manager.socket("/admin");
            assertThat(h.manager.socket("/admin")).isSameAs(admin);
            admin.connect();
            h.run();
            assertThat(h.engines).hasSize(1);
            assertThat(h.engine().takeTexts()).containsExactly("0/admin,");
            h.engine().receive("0/admin,{\"sid\":\"a1\"}");
            admin.emit("hi", 1);
            h.run();
            assertThat(h.engine().takeTexts()).containsExactly("2/admin,[\"hi\",1]");
        }
    }

    @Test
    void emitsMadeBeforeConnectAreBufferedAndFlushedInOrder() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = h.manager.socket("/");
            socket.emit("a", 1);
            socket.emit("b", "two", Map.of("k", true));
            socket.connect();
            h.run();
            h.engine().acceptOpen();
            assertThat(h.engine().takeTexts()).containsExactly("0");
            h.engine().receive("0{\"sid\":\"s1\"}");
            assertThat(h.engine().takeTexts()).containsExactly("2[\"a\",1]", "2[\"b\",\"two\",{\"k\":true}]");
        }
    }

    @Test
    void fullSendBufferFailsTheFutureAndReportsPlainEmits() {
        try (Harness h = new Harness(Harness.options().sendBufferSize(2))) {
            Socket socket = h.manager.socket("/");
            socket.addListener(h.recorder("/"));
            socket.emit("a");
            socket.emit("b");
            socket.emit("c");
            CompletableFuture<List<JsonNode>> d = socket.emitWithAck("d");
            h.run();
            assertThat(d).isCompletedExceptionally();
            assertThatThrownBy(d::join)
                    .hasCauseInstanceOf(SendBufferFullException.class)
                    .hasRootCauseMessage("send buffer full (2 packets)");
            assertThat(h.takeEvents()).containsExactly("/ emit_failed c send buffer full (2 packets)");
        }
    }

    @Test
    void emitWithAckCompletesWithTheAckArguments() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = connected(h);
            CompletableFuture<List<JsonNode>> reply = socket.emitWithAck("echo", "x", 2);
            h.run();
            assertThat(h.engine().takeTexts()).containsExactly("20[\"echo\",\"x\",2]");
            h.engine().receive("30[\"x\",2]");
            assertThat(reply).isCompleted();
            assertThat(reply.join().toString()).isEqualTo("[\"x\", 2]");
        }
    }

    @Test
    void unansweredAckFailsWithAckTimeoutException() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = connected(h);
            CompletableFuture<List<JsonNode>> reply = socket.emitWithAck(Duration.ofMillis(500), "echo");
            h.run();
            h.advance(499);
            assertThat(reply).isNotDone();
            h.advance(1);
            assertThatThrownBy(reply::join)
                    .hasCauseInstanceOf(AckTimeoutException.class)
                    .hasRootCauseMessage("operation has timed out");
            h.engine().receive("30[]");
            assertThat(reply).isCompletedExceptionally();
        }
    }

    @Test
    void bufferedEmitWhoseAckTimesOutIsNotSentLater() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = h.manager.socket("/");
            CompletableFuture<List<JsonNode>> reply = socket.emitWithAck(Duration.ofMillis(100), "late");
            h.run();
            h.advance(100);
            assertThat(reply).isCompletedExceptionally();
            socket.connect();
            h.run();
            h.engine().acceptOpen();
            h.engine().receive("0{\"sid\":\"s1\"}");
            assertThat(h.engine().takeTexts()).containsExactly("0");
        }
    }

    @Test
    void retriesResendTheSamePacketUntilAcknowledgedOneAtATime() {
        try (Harness h = new Harness(Harness.options().retries(2).ackTimeout(Duration.ofMillis(100)))) {
            Socket socket = connected(h);
            CompletableFuture<List<JsonNode>> first = socket.emitWithAck("first");
            socket.emit("second");
            h.run();
            assertThat(h.engine().takeTexts()).containsExactly("20[\"first\"]");
            h.advance(100);
            assertThat(h.engine().takeTexts()).as("resent after a timeout").containsExactly("20[\"first\"]");
            h.engine().receive("30[\"ok\"]");
            assertThat(first.join().get(0).asText()).isEqualTo("ok");
            assertThat(h.engine().takeTexts()).as("the next one only now").containsExactly("21[\"second\"]");
            h.engine().receive("31[]");
            h.advance(1000);
            assertThat(h.engine().takeTexts()).isEmpty();
        }
    }

    @Test
    void retriesGiveUpAfterTheLastTry() {
        try (Harness h = new Harness(Harness.options().retries(1).ackTimeout(Duration.ofMillis(100)))) {
            Socket socket = connected(h);
            h.takeEvents();
            CompletableFuture<List<JsonNode>> withFuture = socket.emitWithAck("a");
            socket.emit("b");
            h.run();
            h.advance(100);
            h.advance(100);
            assertThatThrownBy(withFuture::join).hasCauseInstanceOf(AckTimeoutException.class);
            assertThat(h.engine().takeTexts()).containsExactly("20[\"a\"]", "20[\"a\"]", "21[\"b\"]");
            h.advance(100);
            h.advance(100);
            assertThat(h.takeEvents()).containsExactly("/ emit_failed b operation has timed out");
        }
    }

    @Test
    void queuedPacketIsResentAfterReconnection() {
        try (Harness h = new Harness(Harness.options().retries(3).ackTimeout(Duration.ofSeconds(10)))) {
            Socket socket = connected(h);
            CompletableFuture<List<JsonNode>> reply = socket.emitWithAck("a");
            h.run();
            h.engine().drop("transport close");
            h.advance(1000);
            assertThat(h.engines).hasSize(2);
            h.engine().acceptOpen();
            h.engine().receive("0{\"sid\":\"s2\"}");
            assertThat(h.engine().takeTexts()).containsExactly("0", "20[\"a\"]");
            h.engine().receive("30[1]");
            assertThat(reply.join().get(0).asInt()).isEqualTo(1);
        }
    }

    @Test
    void disconnectFailsPendingAcks() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = connected(h);
            CompletableFuture<List<JsonNode>> reply = socket.emitWithAck("a");
            h.run();
            h.engine().drop("transport close");
            assertThatThrownBy(reply::join)
                    .hasCauseExactlyInstanceOf(SocketIoException.class)
                    .hasRootCauseMessage("socket has been disconnected");
        }
    }

    @Test
    void recoveryOffsetIsStrippedFromArgumentsAndSentBackOnReconnect() {
        try (Harness h = new Harness(Harness.options().auth(Map.of("token", "t")))) {
            Socket socket = h.manager.socket("/");
            List<List<JsonNode>> received = new ArrayList<>();
            socket.on("news", (args, ack) -> received.add(args));
            socket.connect();
            h.run();
            h.engine().acceptOpen();
            h.engine().receive("0{\"sid\":\"s1\",\"pid\":\"p1\"}");
            h.engine().receive("2[\"news\",\"hello\",{\"n\":1},\"offset-1\"]");
            assertThat(received).hasSize(1);
            assertThat(received.get(0).toString()).isEqualTo("[\"hello\", {\"n\":1}]");
            assertThat(socket.lastOffset()).isEqualTo("offset-1");
            assertThat(socket.recovered()).isFalse();

            h.engine().drop("transport close");
            h.advance(1000);
            h.engine().acceptOpen();
            assertThat(h.engine().takeTexts())
                    .containsExactly("0{\"pid\":\"p1\",\"offset\":\"offset-1\",\"token\":\"t\"}");
            h.engine().receive("0{\"sid\":\"s2\",\"pid\":\"p1\"}");
            assertThat(socket.recovered()).isTrue();
        }
    }

    @Test
    void eventsReplayedBeforeTheConnectAnswerAreDeliveredAfterIt() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = h.manager.socket("/");
            socket.addListener(h.recorder("/"));
            socket.on("tick", (args, ack) -> h.events.add("tick " + args));
            socket.connect();
            h.run();
            h.engine().acceptOpen();
            h.engine().receive("0{\"sid\":\"s1\",\"pid\":\"p1\"}");
            h.engine().drop("transport close");
            h.advance(1000);
            h.engine().acceptOpen();
            h.engine().receive("2[\"tick\",0,\"o-1\"]");
            h.engine().receive("2[\"tick\",1,\"o-2\"]");
            assertThat(h.events).doesNotContain("tick [0]");
            h.engine().receive("0{\"sid\":\"s1\",\"pid\":\"p1\"}");
            assertThat(h.takeEvents()).endsWith("tick [0]", "tick [1]", "/ connect");
            assertThat(socket.lastOffset()).isEqualTo("o-2");
            assertThat(socket.recovered()).isTrue();
        }
    }

    @Test
    void listenersSeeTheSocketInactiveWhenTheServerEndsIt() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = connected(h);
            Socket refused = h.manager.socket("/refused");
            List<Boolean> activeInListener = new ArrayList<>();
            socket.addListener(new io.pulseio.client.SocketListener() {
                @Override
                public void onDisconnect(io.pulseio.client.DisconnectReason reason) {
                    activeInListener.add(socket.active());
                }
            });
            refused.addListener(new io.pulseio.client.SocketListener() {
                @Override
                public void onConnectError(String message, JsonNode data) {
                    activeInListener.add(refused.active());
                }
            });
            refused.connect();
            h.run();
            h.engine().receive("4/refused,{\"message\":\"no\"}");
            h.engine().receive("1");
            assertThat(activeInListener).containsExactly(false, false);
        }
    }

    @Test
    void withoutRecoveryTheLastStringArgumentIsKept() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = connected(h);
            AtomicReference<List<JsonNode>> received = new AtomicReference<>();
            socket.on("news", (args, ack) -> received.set(args));
            h.engine().receive("2[\"news\",\"hello\"]");
            assertThat(received.get().toString()).isEqualTo("[\"hello\"]");
            assertThat(socket.lastOffset()).isNull();
        }
    }

    @Test
    void serverAckRequestIsAnsweredOnce() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = connected(h);
            AtomicReference<Ack> ack = new AtomicReference<>();
            socket.on("ask", (args, a) -> ack.set(a));
            socket.on("tell", (args, a) -> assertThat(a).isNull());
            h.engine().receive("2[\"tell\"]");
            h.engine().receive("27[\"ask\",1]");
            ack.get().send("yes", new byte[] {1, 2});
            ack.get().send("again");
            h.run();
            assertThat(h.engine().takeTexts())
                    .containsExactly("61-7[\"yes\",{\"_placeholder\":true,\"num\":0}]", "<binary 2>");
            assertThat(ack.get().sent()).isTrue();
        }
    }

    @Test
    void binaryAnywhereInArgumentsTravelsAsAttachments() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = connected(h);
            socket.emit("file", Map.of("data", new byte[] {1, 2, 3}), List.of(new byte[] {4}));
            h.run();
            assertThat(h.engine().takeTexts())
                    .containsExactly(
                            "52-[\"file\",{\"data\":{\"_placeholder\":true,\"num\":0}},[{\"_placeholder\":true,\"num\":1}]]",
                            "<binary 3>",
                            "<binary 1>");
            AtomicReference<List<JsonNode>> received = new AtomicReference<>();
            socket.on("bin", (args, ack) -> received.set(args));
            h.engine().receive("51-[\"bin\",{\"_placeholder\":true,\"num\":0}]");
            h.engine().receiveBinary(new byte[] {9});
            assertThat(received.get().get(0).isBinary()).isTrue();
        }
    }

    @Test
    void volatileEmitIsDroppedUnlessConnectedAndWritable() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = h.manager.socket("/");
            socket.volatileEmit("early");
            socket.connect();
            h.run();
            h.engine().acceptOpen();
            h.engine().receive("0{\"sid\":\"s1\"}");
            h.engine().takeTexts();
            h.engine().writable = false;
            socket.volatileEmit("busy");
            h.run();
            h.engine().writable = true;
            socket.volatileEmit("now");
            h.run();
            assertThat(h.engine().takeTexts()).containsExactly("2[\"now\"]");
        }
    }

    @Test
    void reservedAndEmptyEventNamesAreRejected() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = h.manager.socket("/");
            assertThatThrownBy(() -> socket.emit("connect"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("\"connect\" is a reserved event name");
            assertThatThrownBy(() -> socket.emitWithAck("disconnecting"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("\"disconnecting\" is a reserved event name");
            assertThatThrownBy(() -> socket.on("newListener", (a, b) -> {}))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> socket.emit(""))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("event name must not be empty");
            assertThatThrownBy(() -> socket.emit(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> h.manager.socket("admin"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("namespace must start with /, was \"admin\"");
        }
    }

    @Test
    void onAnySeesIncomingAndOnAnyOutgoingSeesSentEvents() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = connected(h);
            List<String> seen = new ArrayList<>();
            socket.onAny((event, args, ack) -> seen.add("in " + event + args + (ack != null)));
            try (var sub = socket.onAnyOutgoing((event, args, ack) -> seen.add("out " + event + args))) {
                socket.emit("ping", 1);
                h.run();
            }
            socket.emit("unseen");
            h.engine().receive("23[\"hello\",true]");
            h.engine().receive("2[42]");
            h.run();
            assertThat(seen).containsExactly("out ping[1]", "in hello[true]true", "in 42[]false");
        }
    }

    @Test
    void anOutgoingListenerOnItsOwnExecutorRunsThereAfterTheWrite() {
        List<Runnable> callbackQueue = new ArrayList<>();
        try (Harness h = new Harness(Harness.options().callbackExecutor(callbackQueue::add))) {
            Socket socket = connected(h);
            h.engine().takeTexts();
            callbackQueue.forEach(Runnable::run);
            callbackQueue.clear();
            List<String> seen = new ArrayList<>();
            socket.onAnyOutgoing((event, args, ack) -> seen.add("callback " + event));
            socket.onAnyOutgoing(
                    (event, args, ack) -> seen.add(
                            "inline " + event + args + " after " + h.engine().texts()),
                    Runnable::run);
            socket.onAnyOutgoing((event, args, ack) -> seen.add("never"), task -> {
                throw new java.util.concurrent.RejectedExecutionException("full");
            });
            socket.emit("ping", 1);
            h.run();
            // the inline listener ran on the loop, with the packet written; the default one waits for
            // the callback executor; a rejecting executor loses only its own listener's call
            assertThat(seen).containsExactly("inline ping[1] after [2[\"ping\",1]]");
            callbackQueue.forEach(Runnable::run);
            assertThat(seen).containsExactly("inline ping[1] after [2[\"ping\",1]]", "callback ping");
            assertThatThrownBy(() -> socket.onAnyOutgoing((e, a, k) -> {}, null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("executor");
        }
    }

    @Test
    void closedSubscriptionStopsTheListener() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = connected(h);
            List<String> seen = new ArrayList<>();
            var sub = socket.on("e", (args, ack) -> seen.add(args.toString()));
            h.engine().receive("2[\"e\",1]");
            sub.close();
            sub.close();
            h.engine().receive("2[\"e\",2]");
            assertThat(seen).containsExactly("[1]");
        }
    }

    @Test
    void connectErrorCarriesTheServersMessageAndDataAndStopsRejoining() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = h.manager.socket("/");
            socket.addListener(h.recorder("/"));
            socket.connect();
            h.run();
            h.engine().acceptOpen();
            h.engine().receive("4{\"message\":\"not authorized\",\"data\":{\"code\":403}}");
            assertThat(h.takeEvents())
                    .containsExactly("open", "/ connect_error not authorized {\"code\":403}", "close forced close");
            assertThat(socket.active()).isFalse();
            assertThat(h.engine().closed).as("no socket wants the connection").isTrue();
        }
    }

    @Test
    void serverDisconnectDoesNotReconnect() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = connected(h);
            h.takeEvents();
            h.engine().receive("1");
            h.advance(60_000);
            assertThat(h.takeEvents()).containsExactly("/ disconnect io server disconnect", "close forced close");
            assertThat(h.engines).hasSize(1);
            assertThat(socket.active()).isFalse();
        }
    }

    @Test
    void lostConnectionReconnectsWithBackoffAndRejoins() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = connected(h);
            h.takeEvents();
            h.engine().drop("transport close");
            assertThat(h.takeEvents()).containsExactly("close transport close", "/ disconnect transport close");
            socket.emit("while-away");
            h.advance(999);
            assertThat(h.engines).hasSize(1);
            h.advance(1);
            assertThat(h.engines).hasSize(2);
            h.engine().drop("transport error");
            h.advance(1999);
            assertThat(h.engines).hasSize(2);
            h.advance(1);
            h.engine().acceptOpen();
            h.engine().receive("0{\"sid\":\"s2\"}");
            assertThat(h.engine().takeTexts()).containsExactly("0", "2[\"while-away\"]");
            assertThat(h.takeEvents())
                    .containsExactly(
                            "reconnect_attempt 1",
                            "/ connect_error transport error",
                            "reconnect_error transport error",
                            "reconnect_attempt 2",
                            "open",
                            "reconnect 2",
                            "/ connect");
            assertThat(socket.id()).isEqualTo("s2");
        }
    }

    @Test
    void anEngineThatCannotBeMadeIsAFailedAttemptNotAConnectThatWaitsForEver() {
        try (Harness h = new Harness(Harness.options().reconnectionAttempts(1))) {
            Socket socket = h.manager.socket("/");
            socket.addListener(h.recorder("/"));
            h.failCreate = new IllegalArgumentException("a header name can only contain token characters");
            socket.connect();
            h.run();
            assertThat(h.takeEvents())
                    .containsExactly(
                            "/ connect_error cannot open a connection: a header name can only contain token characters");
            h.failCreate = null;
            h.advance(1000); // the reconnection goes on as after any failed attempt
            assertThat(h.engines).hasSize(1);
            h.engine().acceptOpen();
            h.engine().receive("0{\"sid\":\"s1\"}");
            assertThat(h.takeEvents()).contains("/ connect");
        }
    }

    @Test
    void reconnectionStopsAtTheAttemptLimit() {
        try (Harness h = new Harness(Harness.options().reconnectionAttempts(2))) {
            connected(h);
            h.takeEvents();
            h.engine().drop("ping timeout");
            h.advance(1000);
            h.engine().drop("transport error");
            h.advance(2000);
            h.engine().drop("transport error");
            h.advance(60_000);
            assertThat(h.engines).hasSize(3);
            assertThat(h.takeEvents())
                    .containsExactly(
                            "close ping timeout",
                            "/ disconnect ping timeout",
                            "reconnect_attempt 1",
                            "/ connect_error transport error",
                            "reconnect_error transport error",
                            "reconnect_attempt 2",
                            "/ connect_error transport error",
                            "reconnect_error transport error",
                            "reconnect_failed");
        }
    }

    @Test
    void engineThatDoesNotOpenInTimeGivesTimeoutAndRetries() {
        try (Harness h = new Harness(Harness.options().connectTimeout(Duration.ofSeconds(5)))) {
            Socket socket = h.manager.socket("/");
            socket.addListener(h.recorder("/"));
            socket.connect();
            h.run();
            h.advance(5000);
            assertThat(h.engine().closed).isTrue();
            assertThat(h.takeEvents())
                    .containsExactly(
                            "/ connect_error timeout: the connection to localhost:3000 did not open within 5 s (connect timeout)");
            h.advance(1000);
            assertThat(h.engines).hasSize(2);
            assertThat(h.takeEvents()).containsExactly("reconnect_attempt 1");
        }
    }

    @Test
    void unansweredNamespaceConnectGivesTimeoutAndIsRetried() {
        try (Harness h = new Harness(Harness.options().connectTimeout(Duration.ofSeconds(5)))) {
            Socket socket = h.manager.socket("/");
            socket.addListener(h.recorder("/"));
            socket.connect();
            h.run();
            h.engine().acceptOpen();
            h.engine().takeTexts();
            h.advance(5000);
            assertThat(h.takeEvents())
                    .containsExactly(
                            "open",
                            "/ connect_error timeout: the server did not answer joining namespace / within 5 s (connect timeout)");
            assertThat(h.engine().takeTexts()).containsExactly("1");
            h.advance(1000);
            assertThat(h.engine().takeTexts()).containsExactly("0");
            h.engine().receive("0{\"sid\":\"s1\"}");
            assertThat(socket.connected()).isTrue();
        }
    }

    @Test
    void malformedPacketClosesWithParseErrorAndReconnects() {
        try (Harness h = new Harness(Harness.options())) {
            connected(h);
            h.takeEvents();
            h.engine().receive("9nonsense");
            assertThat(h.engines.get(0).closed).isTrue();
            assertThat(h.takeEvents()).containsExactly("close parse error", "/ disconnect parse error");
            h.advance(1000);
            assertThat(h.engines).hasSize(2);
        }
    }

    @Test
    void clientDisconnectSendsDisconnectAndClosesTheUnusedConnection() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = connected(h);
            h.takeEvents();
            socket.disconnect();
            h.run();
            assertThat(h.engine().takeTexts()).containsExactly("1");
            assertThat(h.engine().closed).isTrue();
            assertThat(h.takeEvents()).containsExactly("/ disconnect io client disconnect", "close forced close");
            socket.connect();
            h.run();
            assertThat(h.engines).as("connect after disconnect reopens").hasSize(2);
        }
    }

    @Test
    void closeDisconnectsFailsPendingAndRejectsNewSockets() {
        Harness h = new Harness(Harness.options());
        Socket socket = connected(h);
        CompletableFuture<List<JsonNode>> reply = socket.emitWithAck("a");
        h.run();
        h.takeEvents();
        h.close();
        assertThat(h.engines.get(0).closed).isTrue();
        assertThat(reply).isCompletedExceptionally();
        assertThat(h.takeEvents()).containsExactly("/ disconnect io client disconnect", "close forced close");
        assertThatThrownBy(() -> h.manager.socket("/x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("client closed");
        CompletableFuture<List<JsonNode>> late = socket.emitWithAck("b");
        h.run();
        assertThatThrownBy(late::join).hasRootCauseMessage("client closed");
    }

    @Test
    void listenersRunOnTheCallbackExecutor() {
        List<Runnable> tasks = new ArrayList<>();
        try (Harness h = new Harness(Harness.options().callbackExecutor(tasks::add))) {
            Socket socket = h.manager.socket("/");
            List<String> seen = new ArrayList<>();
            socket.on("e", (args, ack) -> seen.add("e"));
            socket.connect();
            h.run();
            h.engine().acceptOpen();
            h.engine().receive("0{\"sid\":\"s1\"}");
            CompletableFuture<List<JsonNode>> reply = socket.emitWithAck("x");
            h.run();
            h.engine().receive("2[\"e\"]");
            h.engine().receive("30[]");
            assertThat(seen).isEmpty();
            assertThat(reply).isNotDone();
            tasks.forEach(Runnable::run);
            assertThat(seen).containsExactly("e");
            assertThat(reply).isCompleted();
        }
    }

    @Test
    void throwingListenerDoesNotStopOthers() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = connected(h);
            List<String> seen = new ArrayList<>();
            socket.on("e", (args, ack) -> {
                throw new IllegalStateException("boom");
            });
            socket.on("e", (args, ack) -> seen.add("second"));
            h.engine().receive("2[\"e\"]");
            assertThat(seen).containsExactly("second");
            assertThat(socket.connected()).isTrue();
        }
    }

    @Test
    void rememberUpgradeOpensWithWebSocketNextTime() {
        try (Harness h = new Harness(Harness.options().rememberUpgrade(true))) {
            connected(h);
            assertThat(h.engine().options.transports()).containsExactly("polling", "websocket");
            h.engine().drop("transport close");
            h.advance(1000);
            assertThat(h.engine().options.transports()).containsExactly("websocket");
        }
    }

    @Test
    void engineTextPacketsAreMessages() {
        try (Harness h = new Harness(Harness.options())) {
            Socket socket = connected(h);
            socket.emit("x");
            h.run();
            assertThat(h.engine().sent).containsExactly(EnginePacket.message("2[\"x\"]"));
        }
    }
}
