package io.pulseio.interop;

import static io.pulseio.interop.Waits.WAIT;
import static io.pulseio.interop.Waits.first;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The server disconnects a socket: reason "io server disconnect", and no reconnection. */
class ServerDisconnectTest {
    /** Several reconnection delays of the test clients (100 ms doubling to 500 ms). */
    private static final Duration NO_RECONNECT_WINDOW = Duration.ofMillis(800);

    @RegisterExtension
    static final NodeServer server = NodeServer.perClass();

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aNamespaceDisconnectedByTheServerStaysDisconnected(Mode mode) throws Exception {
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            Socket main = client.socket("/");
            Socket chat = client.socket("/chat");
            Timeline mainTimeline = Timeline.of(main);
            Timeline chatTimeline = Timeline.of(chat);
            main.connect();
            chat.connect();
            mainTimeline.await("connect", WAIT);
            chatTimeline.await("connect", WAIT);

            chat.emit("disconnect-me");

            Timeline.Entry disconnect = chatTimeline.await("disconnect", WAIT);
            assertThat(disconnect.text()).isEqualTo("io server disconnect");
            assertThat(chatTimeline.staysAt("connect", 1, NO_RECONNECT_WINDOW))
                    .as("%s", chatTimeline.summary())
                    .isTrue();
            assertThat(chat.connected()).isFalse();
            assertThat(chat.active()).isFalse();
            // Only that namespace: "/" keeps working on the same connection.
            assertThat(mainTimeline.all("disconnect")).isEmpty();
            assertThat(first(main.emitWithAck("echo", "still here")).asText()).isEqualTo("still here");
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aConnectionClosedByTheServerIsNotReopened(Mode mode) throws Exception {
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            Socket socket = client.socket("/");
            Timeline timeline = Timeline.of(socket);
            Timeline clientTimeline = Timeline.of(client);
            socket.connect();
            timeline.await("connect", WAIT);

            socket.emit("disconnect-me", Map.of("close", true));

            Timeline.Entry disconnect = timeline.await("disconnect", WAIT);
            assertThat(disconnect.text()).isEqualTo("io server disconnect");
            assertThat(timeline.staysAt("connect", 1, NO_RECONNECT_WINDOW))
                    .as("%s", timeline.summary())
                    .isTrue();
            assertThat(clientTimeline.all("reconnect_attempt"))
                    .as("%s", clientTimeline.summary())
                    .isEmpty();
            assertThat(socket.active()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aSocketIsAlreadyInactiveWhenItsListenersHearOfTheServerDisconnect(Mode mode) throws Exception {
        // As in socket.io-client, whose socket is destroyed before "disconnect" is emitted: a
        // listener that checks active() to decide whether to reconnect by hand must see false.
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            Socket socket = client.socket("/");
            Timeline timeline = Timeline.of(socket);
            socket.connect();
            timeline.await("connect", WAIT);

            socket.emit("disconnect-me");

            Timeline.Entry disconnect = timeline.await("disconnect", WAIT);
            assertThat(disconnect.text()).isEqualTo("io server disconnect");
            assertThat(disconnect.activeThen())
                    .as("active() inside onDisconnect")
                    .isFalse();
        }
    }
}
