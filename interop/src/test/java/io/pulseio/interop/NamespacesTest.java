package io.pulseio.interop;

import static io.pulseio.interop.Waits.WAIT;
import static io.pulseio.interop.Waits.first;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Namespaces, a middleware refusal and the auth round trip, against the official server. */
class NamespacesTest {
    @RegisterExtension
    static final NodeServer server = NodeServer.perClass();

    @ParameterizedTest
    @EnumSource(Mode.class)
    void severalNamespacesShareOneConnection(Mode mode) throws Exception {
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            List<String> names = List.of("/", "/chat", "/admin");
            List<JsonNode> answers = new java.util.ArrayList<>();
            for (String name : names) {
                Socket socket = client.socket(name);
                Timeline timeline = Timeline.of(socket);
                socket.connect();
                timeline.await("connect", WAIT);
                assertThat(socket.connected()).isTrue();
                answers.add(first(socket.emitWithAck("whoami")));
            }

            assertThat(answers).extracting(a -> a.path("nsp").asText()).containsExactlyElementsOf(names);
            assertThat(answers)
                    .extracting(a -> a.path("sid").asText())
                    .as("one Engine.IO session")
                    .hasSize(3)
                    .containsOnly(answers.get(0).path("sid").asText());
            assertThat(answers)
                    .extracting(a -> client.socket(a.path("nsp").asText()).id())
                    .containsExactlyElementsOf(
                            answers.stream().map(a -> a.path("id").asText()).toList());
            // Each namespace answers on its own socket: an echo on /chat comes back on /chat.
            assertThat(first(client.socket("/chat").emitWithAck("echo", "on chat"))
                            .asText())
                    .isEqualTo("on chat");
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aNamespaceRefusedByMiddlewareReportsTheServersMessageAndData(Mode mode) throws Exception {
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            Socket main = client.socket("/");
            Timeline mainTimeline = Timeline.of(main);
            Socket refused = client.socket("/private");
            Timeline timeline = Timeline.of(refused);
            main.connect();
            refused.connect();

            Timeline.Entry error = timeline.await("connect_error", WAIT);
            assertThat(error.text()).isEqualTo("private namespace");
            assertThat(error.args()).hasSize(1);
            assertThat(error.arg(0).path("code").asInt()).isEqualTo(403);
            assertThat(error.arg(0).path("hint").asText()).contains("open-sesame");
            assertThat(refused.connected()).isFalse();

            // The refusal concerns one namespace only: the connection and "/" are fine.
            mainTimeline.await("connect", WAIT);
            assertThat(first(main.emitWithAck("echo", 1)).asInt()).isEqualTo(1);
            assertThat(timeline.staysAt("connect_error", 1, Duration.ofMillis(300)))
                    .as("no retry")
                    .isTrue();
            assertThat(timeline.all("connect")).isEmpty();
            assertThat(refused.active()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRefusedSocketIsAlreadyInactiveWhenItsListenersHearOfIt(Mode mode) throws Exception {
        // As in socket.io-client, whose socket is destroyed before "connect_error" is emitted: a
        // listener that checks active() to decide whether to retry must see false.
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            Socket refused = client.socket("/private");
            Timeline timeline = Timeline.of(refused);
            refused.connect();

            assertThat(timeline.await("connect_error", WAIT).activeThen())
                    .as("active() inside onConnectError")
                    .isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theMiddlewareLetsInAClientWithTheRightAuth(Mode mode) throws Exception {
        try (SocketIoClient client = SocketIoClient.create(
                mode.options(server).auth(Map.of("token", "open-sesame")).build())) {
            Socket socket = client.socket("/private");
            Timeline timeline = Timeline.of(socket);
            socket.connect();
            timeline.await("connect", WAIT);
            assertThat(first(socket.emitWithAck("whoami")).path("nsp").asText()).isEqualTo("/private");
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theHandshakeAuthReachesTheServerIntact(Mode mode) throws Exception {
        Map<String, Object> auth = Map.of(
                "user",
                "ann",
                "roles",
                List.of("ops", "dev"),
                "limits",
                Map.of("rate", 2.5, "burst", 10),
                "unicode",
                "żółw ✓");
        try (SocketIoClient client =
                SocketIoClient.create(mode.options(server).auth(auth).build())) {
            Socket socket = client.socket("/");
            Timeline timeline = Timeline.of(socket).record(socket, "auth");
            socket.connect();

            JsonNode pushed = timeline.await("event:auth", WAIT).arg(0);
            JsonNode asked = first(socket.emitWithAck("whoami")).path("auth");
            JsonNode expected = NodeProcess.JSON.valueToTree(auth);
            assertThat(pushed).isEqualTo(expected);
            assertThat(asked).isEqualTo(expected);
        }
    }
}
