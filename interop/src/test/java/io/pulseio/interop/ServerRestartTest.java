package io.pulseio.interop;

import static io.pulseio.interop.Waits.WAIT;
import static io.pulseio.interop.Waits.first;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server process dies (SIGKILL) and comes back on the same port: the client reconnects by
 * itself, rejoins its namespaces, and delivers in order what was emitted meanwhile.
 */
class ServerRestartTest {
    private static final int BUFFERED = 20;

    @ParameterizedTest
    @EnumSource(Mode.class)
    void emitsMadeWhileTheServerIsDownAreDeliveredInOrderAfterItRestarts(Mode mode) throws Exception {
        try (NodeServer server = NodeServer.start();
                SocketIoClient client =
                        SocketIoClient.create(mode.options(server).build())) {
            Socket main = client.socket("/");
            Socket chat = client.socket("/chat");
            Timeline timeline = Timeline.of(main);
            Timeline chatTimeline = Timeline.of(chat);
            Timeline clientTimeline = Timeline.of(client);
            main.connect();
            chat.connect();
            timeline.await("connect", WAIT);
            chatTimeline.await("connect", WAIT);
            String firstId = main.id();

            server.kill();
            String reason = timeline.await("disconnect", WAIT).text();
            assertThat(reason).isIn("transport close", "transport error");
            assertThat(main.connected()).isFalse();
            assertThat(main.active())
                    .as("a socket that lost its connection wants it back")
                    .isTrue();
            List<Integer> sent = IntStream.range(0, BUFFERED).boxed().toList();
            for (int i : sent) {
                main.emit("record", i);
            }
            chat.emit("record", "chat-while-down");

            server.restart();

            timeline.awaitNth("connect", 2, WAIT);
            chatTimeline.awaitNth("connect", 2, WAIT);
            clientTimeline.await("reconnect", WAIT);
            assertThat(main.id()).as("a new server, a new session").isNotEqualTo(firstId);
            JsonNode records = first(main.emitWithAck("records"));
            assertThat(records).extracting(JsonNode::asInt).containsExactlyElementsOf(sent);
            assertThat(first(chat.emitWithAck("records")).toString()).isEqualTo("[\"chat-while-down\"]");
        }
    }
}
