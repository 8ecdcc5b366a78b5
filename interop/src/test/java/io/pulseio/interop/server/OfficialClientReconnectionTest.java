package io.pulseio.interop.server;

import static io.pulseio.interop.server.OfficialClient.acks;
import static io.pulseio.interop.server.OfficialClient.steps;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.interop.NodeClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The official client loses its connection to our server, which closes the transport or is
 * stopped and started again on the same port: the client reconnects by itself, connects its
 * namespaces again (as new sockets: recovery is off) and can join its room again.
 */
class OfficialClientReconnectionTest {
    private TestServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** After the connection is lost: both namespaces back, the room joined again, proof of both. */
    private static OfficialClient.Steps reconnectedAndRejoined(OfficialClient.Steps steps) {
        return steps.step("wait", "disconnect", "timeoutMs", 10000)
                .step("wait", "connect", "timeoutMs", 10000)
                .step("wait", "connect", "nsp", "/chat", "timeoutMs", 10000)
                .emitWithAck("join", "lobby")
                .emitWithAck("whoami")
                .emitWithAckOn("/chat", "whoami");
    }

    private static OfficialClient.Steps connectedToTwoNamespaces() {
        return steps().waitFor("connect")
                .open("/chat")
                .waitFor("connect", "/chat")
                .emitWithAck("join", "lobby");
    }

    @ParameterizedTest
    @EnumSource(ClientMode.class)
    void theClientReconnectsAfterTheServerClosesItsTransport(ClientMode mode) throws Exception {
        server = TestServer.start();
        NodeClient.Result result = OfficialClient.run(
                server.url(),
                mode.nodeOptions(),
                reconnectedAndRejoined(connectedToTwoNamespaces().emitWithAck("drop")));

        assertReconnected(result);
        server.awaitSignals("disconnect:forced close", 2);
    }

    @ParameterizedTest
    @EnumSource(ClientMode.class)
    void theClientReconnectsWhenTheServerIsStoppedAndStartedOnTheSamePort(ClientMode mode) throws Exception {
        server = TestServer.start();
        int port = server.port();
        CompletableFuture<NodeClient.Result> running = OfficialClient.start(
                server.url(),
                mode.nodeOptions(),
                reconnectedAndRejoined(connectedToTwoNamespaces().signal("up")));
        server.awaitSignals("up", 1);

        server.restart();

        NodeClient.Result result = OfficialClient.finish(running);
        assertThat(server.port()).isEqualTo(port);
        assertReconnected(result);
        assertThat(server.signals().count("disconnect:server shutting down")).isEqualTo(2);
    }

    private static void assertReconnected(NodeClient.Result result) {
        List<String> reasons = result.lines("disconnect").stream()
                .map(d -> d.path("reason").asText())
                .filter(r -> !r.equals("io client disconnect")) // the scenario's own end
                .toList();
        assertThat(reasons).as("one per namespace: %s", result.lines()).hasSize(2);
        assertThat(reasons)
                .as("a lost connection, not a server disconnect: the client must want to reconnect")
                .allMatch(r -> r.equals("transport close") || r.equals("transport error"));
        assertThat(result.lines("reconnect")).hasSize(1);
        List<JsonNode> connects = result.lines("connect");
        assertThat(connects).hasSize(4);
        assertThat(connects).extracting(c -> c.path("recovered").asBoolean()).containsOnly(false);
        assertThat(connects.get(2).path("id").asText())
                .isNotEqualTo(connects.get(0).path("id").asText());
        JsonNode me = acks(result, "/", "whoami").get(0).path(0);
        assertThat(me.path("id").asText()).isEqualTo(connects.get(2).path("id").asText());
        assertThat(me.path("rooms").toString()).isEqualTo("[\"lobby\"]");
        assertThat(acks(result, "/chat", "whoami").get(0).path(0).path("nsp").asText())
                .isEqualTo("/chat");
    }
}
