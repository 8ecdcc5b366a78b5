package io.pulseio.interop.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.interop.NodeServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Golden tests of every Socket.IO node and event against the official socket.io server: each runs
 * {@code nodes/NAME.json} and compares its output ({@code NAME.out}) and, where kept, its trace of events
 * sent, received and errors ({@code NAME.trace}).
 */
class SocketIoNodesGoldenTest {
    @RegisterExtension
    static final NodeServer server = NodeServer.perClass();

    private static long connections(String namespace) {
        return server.events().stream()
                .filter(e -> e.path("ev").asText().equals("connection")
                        && e.path("nsp").asText().equals(namespace))
                .count();
    }

    @Test
    void startTwiceIsOneConnectionAndOnStopFiresOnceClosed() throws Exception {
        long before = connections("/");
        GoldenRun.check("start_stop", server);
        assertThat(connections("/") - before).isEqualTo(1);
        server.awaitEvent(
                "disconnect",
                e -> e.path("reason").asText().equals("client namespace disconnect"),
                Duration.ofSeconds(5));
    }

    @Test
    void subscribeStartSendReceiveStop() throws Exception {
        GoldenRun.check("send_receive", server);
    }

    @Test
    void subscribingTwiceIsOneSubscription() throws Exception {
        GoldenRun.check("subscribe_twice", server);
    }

    @Test
    void unsubscribeLeavesANamespaceWithoutSubscriptionsAndSendJoinsItAgain() throws Exception {
        long before = connections("/chat");
        GoldenRun.check("unsubscribe", server);
        JsonNode left =
                server.awaitEvent("disconnect", e -> e.path("nsp").asText().equals("/chat"), Duration.ofSeconds(5));
        assertThat(left.path("reason").asText()).isEqualTo("client namespace disconnect");
        assertThat(connections("/chat") - before).isEqualTo(2);
    }

    @Test
    void onReceiveFiltersByNamespaceAndEventName() throws Exception {
        GoldenRun.check("filters", server);
    }

    @Test
    void jsonModeAndBinaryArguments() throws Exception {
        GoldenRun.check("json_binary", server);
    }

    @Test
    void sendWithAckGivesTheReplyOrAnAckTimeout() throws Exception {
        GoldenRun.check("ack", server);
    }

    @Test
    void aSendWhoseRetriesAllGoUnansweredSaysSoOnError() throws Exception {
        GoldenRun.check("retries_exhausted", server);
    }

    @Test
    void whatFollowsAnAckReplyInASceneEndsWithTheScene() throws Exception {
        GoldenRun.check("ack_scene_left", server);
    }

    /**
     * The only connection needs no name; On Receive nodes subscribe by themselves at Start (one to every
     * event, which gets each event once with its name); Send sends two arguments; Send With Ack with no
     * argument reaches a handler written {@code (cb) => cb()}.
     */
    @Test
    void shortGraphsSubscribeByThemselvesAndSendAnyNumberOfArguments() throws Exception {
        GoldenRun.check("short_graphs", server);
        assertThat(server.events().stream().filter(e -> e.path("ev").asText().equals("bare-ack-failed")))
                .isEmpty();
    }

    /**
     * Start's {@code started} fires once per node (a node started twice while connecting still once), after On
     * Start, and at once on an open connection; Stop's {@code stopped} fires after On Stop with its reason, and
     * at once on a connection never started; Stop Project prints its message.
     */
    @Test
    void startAndStopCompleteOncePerNodeAfterTheirListeners() throws Exception {
        GoldenRun.check("completions", server);
    }

    @Test
    void aServerDisconnectIsOnStopWithItsReasonAndTheConnectionIsStopped() throws Exception {
        GoldenRun.check("server_disconnect", server);
    }
}
