package io.pulseio.interop;

import static io.pulseio.interop.Waits.WAIT;
import static io.pulseio.interop.Waits.await;
import static io.pulseio.interop.Waits.first;
import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Heartbeat with short timings (ping every 300 ms, 1 s to answer: room for a loaded machine, where
 * 200 ms was once too little): the client keeps a quiet connection alive by answering pings, and
 * detects a server that stops pinging.
 */
class PingTimeoutTest {
    @RegisterExtension
    static final NodeServer server =
            NodeServer.perClass(NodeServer.options().pingInterval(300).pingTimeout(1000));

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aQuietConnectionSurvivesManyPings(Mode mode) throws Exception {
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            Socket socket = client.socket("/");
            Timeline timeline = Timeline.of(socket);
            socket.connect();
            timeline.await("connect", WAIT);

            // About eight ping rounds; a client that does not answer would be dropped 1.3 s in.
            assertThat(timeline.staysAt("disconnect", 0, Duration.ofMillis(2_500)))
                    .as("%s", timeline.summary())
                    .isTrue();
            assertThat(first(socket.emitWithAck("echo", "alive")).asText()).isEqualTo("alive");
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aServerThatStopsPingingIsDeclaredDeadAndTheClientReconnects(Mode mode) throws Exception {
        try (SocketIoClient client = SocketIoClient.create(mode.options(server).build())) {
            Socket socket = client.socket("/");
            Timeline timeline = Timeline.of(socket);
            Timeline clientTimeline = Timeline.of(client);
            socket.connect();
            timeline.await("connect", WAIT);
            if (mode == Mode.UPGRADE) {
                clientTimeline.await("transport", "websocket", WAIT); // stop the heartbeat of the final transport
            }

            await(socket.emitWithAck("stop-heartbeat"));
            long stopped = System.nanoTime();

            assertThat(timeline.await("disconnect", WAIT).text()).isEqualTo("ping timeout");
            long detectedMillis = (System.nanoTime() - stopped) / 1_000_000;
            assertThat(clientTimeline.await("close", WAIT).text()).isEqualTo("ping timeout");
            // pingInterval + pingTimeout = 1.3 s after the last ping; bounded loosely for busy machines.
            assertThat(detectedMillis).isLessThan(5_000);

            // A server that is silent on one connection still accepts new ones: the client reconnects.
            timeline.awaitNth("connect", 2, WAIT);
            assertThat(first(socket.emitWithAck("echo", "back")).asText()).isEqualTo("back");
        }
    }
}
