package io.pulseio.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.adapter.redis.RedisStreamsAdapter;
import io.pulseio.server.Adapter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A pulseio server and an official Node.js socket.io server with
 * {@code @socket.io/redis-streams-adapter} 0.3.1 on one real redis-server act as one: the tests of
 * {@link MixedClusterTestBase} over the streams protocol.
 */
class StreamsClusterTest extends MixedClusterTestBase {
    @Override
    Adapter.Factory adapter(String redisUrl) {
        return RedisStreamsAdapter.builder(redisUrl)
                .requestsTimeout(Duration.ofSeconds(2))
                .build();
    }

    @Override
    String nodeKind() {
        return "streams";
    }

    @Test
    void serverSideEmitsCarryBinaryOverMessagePack() throws Exception {
        java.sockets().serverSideEmit("hello", (Object) new byte[] {0, 1, (byte) 255});
        JsonNode got = node.await(l -> "server-side".equals(l.path("ev").asText()));
        assertThat(got.path("arg").toString()).isEqualTo("{\"type\":\"Buffer\",\"data\":[0,1,255]}");
    }

    @Test
    void namespacesShareTheStreamAndStaySeparate() throws Exception {
        java.namespace("/chat");
        node.run(Map.of("op", "client", "name", "nchat", "url", javaUrl + "/chat"));
        node.await(l -> "client-connect".equals(l.path("ev").asText())
                && "nchat".equals(l.path("name").asText()));
        java.namespace("/chat").emit("in-chat", 1);
        java.sockets().emit("in-main", 2);
        node.clientGot("nchat", "in-chat");
        node.clientGot("nb", "in-main");
        assertThat(node.clientHasGot("nb", "in-chat")).isFalse();
        assertThat(node.clientHasGot("nchat", "in-main")).isFalse();
        assertThat(redis.cli("XLEN", "socket.io")).isEqualTo("2");
    }

    @Test
    void unreadableEntriesAndMessagesAreSkippedWithAWarning() throws Exception {
        try (LogCapture log = new LogCapture()) {
            redis.cli("XADD", "socket.io", "*", "uid", "x", "nsp", "/", "type", "3", "data", "%%%");
            // U+0100 is C4 80 in UTF-8: MessagePack bin 8 of 128 bytes, cut short
            redis.cli("PUBLISH", "socket.io#/#", "\u0100");
            node.run(Map.of("op", "emit", "event", "after-garbage"));
            ja.await("after-garbage");
            log.await("stream 'socket.io': entry ");
            assertThat(log.text()).contains("could not be read, skipped: data is neither JSON nor base64");
            log.await("socket.io#/#: a message that is not MessagePack was dropped");
        }
        java.sockets().emit("still-fine");
        node.clientGot("nb", "still-fine");
    }
}
