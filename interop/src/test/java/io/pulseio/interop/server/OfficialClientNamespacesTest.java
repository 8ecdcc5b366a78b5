package io.pulseio.interop.server;

import static io.pulseio.interop.server.OfficialClient.ack;
import static io.pulseio.interop.server.OfficialClient.acks;
import static io.pulseio.interop.server.OfficialClient.events;
import static io.pulseio.interop.server.OfficialClient.json;
import static io.pulseio.interop.server.OfficialClient.steps;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.interop.NodeClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The official client on several namespaces of our server over one connection: the auth object
 * goes there and back, and a middleware's refusal reaches the client with its message and data.
 */
class OfficialClientNamespacesTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @ParameterizedTest
    @EnumSource(ClientMode.class)
    void severalNamespacesShareOneConnectionAndEachGetsItsAuth(ClientMode mode) throws Exception {
        NodeClient.Result result = OfficialClient.run(
                server.url(),
                mode.nodeOptions(Map.of("auth", Map.of("user", "ann"))),
                steps().waitFor("connect")
                        .step("open", "/chat", "auth", Map.of("user", "bob", "room", 7))
                        .open("/dyn-42")
                        .waitFor("connect", "/chat")
                        .waitFor("connect", "/dyn-42")
                        .emitWithAck("whoami")
                        .emitWithAckOn("/chat", "whoami")
                        .emitWithAckOn("/dyn-42", "echo", "hello", Map.of("n", 1)));

        JsonNode main = ack(result, "whoami");
        JsonNode chat = acks(result, "/chat", "whoami").get(0).path(0);
        assertThat(main.path("nsp").asText()).isEqualTo("/");
        assertThat(chat.path("nsp").asText()).isEqualTo("/chat");
        assertThat(main.path("auth").toString()).isEqualTo("{\"user\":\"ann\"}");
        assertThat(chat.path("auth")).isEqualTo(json("{\"user\":\"bob\",\"room\":7}"));
        assertThat(chat.path("address").asText())
                .as("one Engine.IO session carries every namespace")
                .isEqualTo(main.path("address").asText());
        assertThat(acks(result, "/dyn-42", "echo").get(0)).isEqualTo(json("[\"hello\",{\"n\":1}]"));
        assertThat(events(result, "/", "auth").get(0).path("args").toString()).isEqualTo("[{\"user\":\"ann\"}]");
        assertThat(events(result, "/chat", "auth").get(0).path("args"))
                .isEqualTo(json("[{\"user\":\"bob\",\"room\":7}]"));
        assertThat(events(result, "/dyn-42", "auth").get(0).path("args").toString())
                .as("a socket of a namespace opened without auth gets the manager's")
                .isEqualTo("[{\"user\":\"ann\"}]");
        List<String> ids =
                result.lines("connect").stream().map(l -> l.path("id").asText()).toList();
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(ClientMode.class)
    void aMiddlewareRefusalReachesTheClientWithMessageAndDataAndTheRightTokenPasses(ClientMode mode) throws Exception {
        NodeClient.Result result = OfficialClient.run(
                server.url(),
                mode.nodeOptions(),
                steps().waitFor("connect")
                        .open("/private")
                        .waitFor("connect_error", "/private")
                        .step("open", "/nowhere")
                        .waitFor("connect_error", "/nowhere")
                        .emitWithAck("echo", "still connected"));

        List<JsonNode> errors = result.lines("connect_error");
        JsonNode refused = errors.stream()
                .filter(l -> l.path("nsp").asText().equals("/private"))
                .findFirst()
                .orElseThrow();
        assertThat(refused.path("message").asText()).isEqualTo("private namespace");
        assertThat(refused.path("data").toString()).isEqualTo("{\"code\":403,\"hint\":\"send the token\"}");
        JsonNode unknown = errors.stream()
                .filter(l -> l.path("nsp").asText().equals("/nowhere"))
                .findFirst()
                .orElseThrow();
        assertThat(unknown.path("message").asText()).isEqualTo("Invalid namespace");
        assertThat(ack(result, "echo").asText())
                .as("a refused namespace leaves the others connected")
                .isEqualTo("still connected");

        NodeClient.Result allowed = OfficialClient.run(
                server.url(),
                mode.nodeOptions(Map.of("auth", Map.of("token", "open-sesame"))),
                steps().open("/private").waitFor("connect", "/private").emitWithAckOn("/private", "whoami"));
        assertThat(acks(allowed, "/private", "whoami")
                        .get(0)
                        .path(0)
                        .path("auth")
                        .path("token")
                        .asText())
                .isEqualTo("open-sesame");
    }

    @ParameterizedTest
    @EnumSource(ClientMode.class)
    void leavingOneNamespaceKeepsTheOthersAndAServerDisconnectIsFinal(ClientMode mode) throws Exception {
        NodeClient.Result result = OfficialClient.run(
                server.url(),
                mode.nodeOptions(),
                steps().waitFor("connect")
                        .open("/chat")
                        .open("/admin")
                        .waitFor("connect", "/chat")
                        .waitFor("connect", "/admin")
                        .step("disconnect", true, "nsp", "/chat")
                        .waitFor("disconnect", "/chat")
                        .emitWithAckOn("/admin", "disconnect-me")
                        .waitFor("disconnect", "/admin")
                        .emitWithAck("echo", "main still here"));

        assertThat(result.lines("disconnect"))
                .extracting(l -> l.path("nsp").asText() + " " + l.path("reason").asText())
                .startsWith("/chat io client disconnect", "/admin io server disconnect");
        assertThat(ack(result, "echo").asText()).isEqualTo("main still here");
        assertThat(result.lines("reconnect")).isEmpty();
        server.awaitSignals("disconnect:client namespace disconnect", 1);
        server.awaitSignals("disconnect:server namespace disconnect", 1);
    }
}
