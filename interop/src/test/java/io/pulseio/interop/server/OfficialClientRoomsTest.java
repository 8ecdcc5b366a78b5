package io.pulseio.interop.server;

import static io.pulseio.interop.server.OfficialClient.events;
import static io.pulseio.interop.server.OfficialClient.steps;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.interop.NodeClient;
import io.pulseio.server.AckReply;
import io.pulseio.server.AckTimeoutException;
import io.pulseio.server.Namespace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three official clients in rooms of one namespace of our server: A in {@code red}, B in
 * {@code red} and {@code blue} (and in {@code green}, which it leaves), C in {@code blue}. The
 * server broadcasts to rooms, with exceptions and with acks; the clients broadcast through their
 * own sockets. Each client's output is checked for what it must and must not have received: the
 * final {@code end} event, sent to everyone after the rest, bounds the "must not".
 */
class OfficialClientRoomsTest {
    private static final AtomicInteger NAMESPACES = new AtomicInteger(100);

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    /** connect to {@code nsp}, join the rooms, signal, wait for go, broadcast, signal, wait for end. */
    private static OfficialClient.Steps member(String nsp, List<String> rooms, Map<String, Object> broadcast) {
        OfficialClient.Steps steps = steps().open(nsp).waitFor("connect", nsp);
        for (String room : rooms) {
            steps.emitWithAckOn(nsp, "join", room);
        }
        if (rooms.contains("green")) {
            steps.emitWithAckOn(nsp, "leave", "green");
        }
        return steps.emitWithAckOn(nsp, "signal", nsp + " joined")
                .step("wait", "go", "nsp", nsp, "timeoutMs", 10000)
                .emitWithAckOn(nsp, "to", broadcast)
                .emitWithAckOn(nsp, "signal", nsp + " sent")
                .step("wait", "end", "nsp", nsp, "timeoutMs", 10000);
    }

    @ParameterizedTest
    @EnumSource(ClientMode.class)
    void broadcastsReachTheRoomsTheyNameAndAcksCollectEveryReply(ClientMode mode) throws Exception {
        String nsp = "/dyn-" + NAMESPACES.incrementAndGet();
        CompletableFuture<NodeClient.Result> a = OfficialClient.start(
                server.url(),
                mode.nodeOptions(),
                member(nsp, List.of("red"), Map.of("to", List.of("blue"), "event", "from-a", "args", List.of("a"))));
        CompletableFuture<NodeClient.Result> b = OfficialClient.start(
                server.url(),
                mode.nodeOptions(),
                member(
                        nsp,
                        List.of("red", "blue", "green"),
                        Map.of("to", List.of("red"), "event", "from-b", "args", List.of("b"))));
        CompletableFuture<NodeClient.Result> c = OfficialClient.start(
                server.url(),
                mode.nodeOptions(Map.of("unanswered", List.of("slow-poll"))),
                member(nsp, List.of("blue"), Map.of("to", List.of(), "event", "from-c", "args", List.of("c"))));

        server.awaitSignals(nsp + " joined", 3);
        Namespace namespace = server.server().namespace(nsp);
        assertThat(namespace.to("red").socketIds()).hasSize(2);
        namespace.emit("go");
        server.awaitSignals(nsp + " sent", 3);

        namespace.to("red").emit("news", "red");
        namespace.to("blue").except("red").emit("news", "blue-not-red");
        namespace.to("red", "blue").emit("news", "red-or-blue");
        namespace.to("green").emit("news", "green");
        List<AckReply> redReplies = namespace
                .to("red")
                .emitWithAck(Duration.ofSeconds(5), "poll", "q?")
                .get(10, TimeUnit.SECONDS);
        CompletableFuture<List<AckReply>> all = namespace.emitWithAck(Duration.ofSeconds(2), "slow-poll", 1);
        List<AckReply> partial = repliesBeforeTimeout(all);
        namespace.emit("end");

        NodeClient.Result ra = OfficialClient.finish(a);
        NodeClient.Result rb = OfficialClient.finish(b);
        NodeClient.Result rc = OfficialClient.finish(c);
        String idA = id(ra, nsp);
        String idB = id(rb, nsp);

        assertThat(news(ra, nsp)).containsExactly("red", "red-or-blue");
        assertThat(news(rb, nsp)).as("once each, though in two rooms").containsExactly("red", "red-or-blue");
        assertThat(news(rc, nsp)).containsExactly("blue-not-red", "red-or-blue");
        assertThat(names(ra, nsp))
                .contains("from-b", "from-c", "poll", "slow-poll")
                .doesNotContain("from-a");
        assertThat(names(rb, nsp))
                .contains("from-a", "from-c", "poll", "slow-poll")
                .doesNotContain("from-b");
        assertThat(names(rc, nsp)).contains("from-a", "slow-poll").doesNotContain("from-b", "from-c", "poll");

        assertThat(redReplies).extracting(AckReply::socketId).containsExactlyInAnyOrder(idA, idB);
        assertThat(redReplies)
                .allSatisfy(r -> assertThat(r.args().get(0).asText()).isEqualTo("q?"));
        assertThat(partial)
                .as("the replies that came before the timeout")
                .extracting(AckReply::socketId)
                .containsExactlyInAnyOrder(idA, idB);
    }

    private static List<AckReply> repliesBeforeTimeout(CompletableFuture<List<AckReply>> acks) throws Exception {
        try {
            List<AckReply> replies = acks.get(10, TimeUnit.SECONDS);
            throw new AssertionError("every client answered, though one never acknowledges: " + replies);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(AckTimeoutException.class);
            return ((AckTimeoutException) e.getCause()).replies();
        }
    }

    private static String id(NodeClient.Result result, String nsp) {
        return result.lines("connect").stream()
                .filter(l -> l.path("nsp").asText().equals(nsp))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asText();
    }

    private static List<String> news(NodeClient.Result result, String nsp) {
        return events(result, nsp, "news").stream()
                .map(e -> e.path("args").path(0).asText())
                .toList();
    }

    private static List<String> names(NodeClient.Result result, String nsp) {
        return result.lines("event").stream()
                .filter(l -> l.path("nsp").asText().equals(nsp))
                .map(l -> l.path("name").asText())
                .toList();
    }
}
