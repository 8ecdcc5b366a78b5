package io.pulseio.interop;

import static io.pulseio.interop.Waits.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client leaves cleanly: the server must see Socket.IO's "client namespace disconnect" (a
 * DISCONNECT packet that reached it), not a connection that just broke.
 */
class ClientDisconnectTest {
    @RegisterExtension
    static final NodeServer server = NodeServer.perClass();

    @ParameterizedTest
    @EnumSource(Mode.class)
    void disconnectingASocketTellsTheServer(Mode mode) throws Exception {
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            Socket main = client.socket("/");
            Socket chat = client.socket("/chat");
            Timeline mainTimeline = Timeline.of(main);
            Timeline chatTimeline = Timeline.of(chat);
            main.connect();
            chat.connect();
            mainTimeline.await("connect", WAIT);
            chatTimeline.await("connect", WAIT);
            String chatId = chat.id();

            chat.disconnect();

            assertThat(chatTimeline.await("disconnect", WAIT).text()).isEqualTo("io client disconnect");
            assertThat(server.awaitEvent(
                                    "disconnect", e -> e.path("id").asText().equals(chatId), WAIT)
                            .path("reason")
                            .asText())
                    .isEqualTo("client namespace disconnect");
            assertThat(main.connected()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void disconnectingTheLastSocketTellsTheServerBeforeTheConnectionEnds(Mode mode) throws Exception {
        // UPGRADE disconnects here while still on polling.
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            Socket socket = client.socket("/");
            Timeline timeline = Timeline.of(socket);
            socket.connect();
            timeline.await("connect", WAIT);
            String id = socket.id();

            socket.disconnect();

            assertThat(timeline.await("disconnect", WAIT).text()).isEqualTo("io client disconnect");
            assertThat(server.awaitEvent(
                                    "disconnect", e -> e.path("id").asText().equals(id), WAIT)
                            .path("reason")
                            .asText())
                    .as("server-side reason when the last socket leaves")
                    .isEqualTo("client namespace disconnect");
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void closingTheClientTellsTheServerBeforeTheConnectionEnds(Mode mode) throws Exception {
        String id;
        String sid;
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            Socket socket = client.socket("/");
            Timeline timeline = Timeline.of(socket);
            Timeline clientTimeline = Timeline.of(client);
            socket.connect();
            timeline.await("connect", WAIT);
            if (mode == Mode.UPGRADE) {
                clientTimeline.await("transport", "websocket", WAIT);
            }
            id = socket.id();
            sid = Waits.first(socket.emitWithAck("whoami")).path("sid").asText();
        }

        String reason = server.awaitEvent(
                        "disconnect", e -> e.path("id").asText().equals(id), WAIT)
                .path("reason")
                .asText();
        String engineReason = server.awaitEvent(
                        "engine-close", e -> e.path("sid").asText().equals(sid), WAIT)
                .path("reason")
                .asText();
        assertThat(reason + " / " + engineReason)
                .as("server-side reasons (socket / engine) when the client closes; server saw %s", server.events())
                .isEqualTo("client namespace disconnect / transport close");
        assertThat(server.events())
                .as("no request after the close")
                .noneMatch(e -> e.path("ev").asText().equals("http-error")
                        && e.path("sid").asText().equals(sid));
    }
}
