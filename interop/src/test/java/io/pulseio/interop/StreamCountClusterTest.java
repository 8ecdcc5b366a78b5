package io.pulseio.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.adapter.redis.RedisStreamsAdapter;
import io.pulseio.server.Adapter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tests of {@link MixedClusterTestBase} over the streams protocol with the namespaces spread
 * over three streams ({@code streamCount: 3}) and Node's other stream options changed, on both
 * sides alike: a pulseio server and an official Node.js server with
 * {@code @socket.io/redis-streams-adapter} 0.3.1 pick the same stream for each namespace.
 */
class StreamCountClusterTest extends MixedClusterTestBase {
    @Override
    Adapter.Factory adapter(String redisUrl) {
        return RedisStreamsAdapter.builder(redisUrl)
                .requestsTimeout(Duration.ofSeconds(2))
                .streamName("many")
                .streamCount(3)
                .channelPrefix("app")
                .readCount(50)
                .blockTime(Duration.ofSeconds(1))
                .maxLen(20_000)
                .build();
    }

    @Override
    String nodeKind() {
        return "streams";
    }

    @Override
    Map<String, ?> nodeOptions() {
        return Map.of(
                "streamName",
                "many",
                "streamCount",
                3,
                "channelPrefix",
                "app",
                "readCount",
                50,
                "blockTimeInMs",
                1000,
                "maxLen",
                20_000);
    }

    @Test
    void eachNamespaceGoesThroughTheStreamNodeChoosesForIt() throws Exception {
        java.namespace("/chat");
        node.run(Map.of("op", "client", "name", "nchat", "url", javaUrl + "/chat"));
        node.await(l -> "client-connect".equals(l.path("ev").asText())
                && "nchat".equals(l.path("name").asText()));
        node.run(Map.of("op", "client", "name", "nchat2", "url", node.url() + "/chat"));
        node.await(l -> "client-connect".equals(l.path("ev").asText())
                && "nchat2".equals(l.path("name").asText()));
        // The Java server reads /chat's stream (many-1, not read before: "/" is in many-2) from the end
        // it has when that stream's reader first reads, a moment after the namespace was made (see
        // docs/cluster.md): Node probes until the Java server's client gets one.
        int probes = 0;
        while (!node.clientHasGot("nchat", "probe")) {
            assertThat(probes)
                    .as("probes before the Java server read /chat's stream")
                    .isLessThan(50);
            node.run(Map.of("op", "emit", "nsp", "/chat", "event", "probe", "args", List.of(probes++)));
            for (int i = 0; i < 20 && !node.clientHasGot("nchat", "probe"); i++) {
                Thread.sleep(10);
            }
        }

        java.namespace("/chat").emit("in-chat", 1);
        node.run(Map.of("op", "emit", "nsp", "/chat", "event", "chat-from-node", "args", List.of(2)));
        java.sockets().emit("in-main", 3);
        node.clientGot("nchat2", "in-chat");
        node.clientGot("nchat", "chat-from-node");
        node.clientGot("nb", "in-main");
        assertThat(node.clientHasGot("nb", "in-chat")).isFalse();
        assertThat(node.clientHasGot("nchat", "in-main")).isFalse();
        // "/".hashCode() % 3 == 2 and "/chat".hashCode() % 3 == 1 (Node's choice, Java's arithmetic)
        assertThat(redis.cli("XLEN", "many-2")).isEqualTo("1");
        assertThat(redis.cli("XLEN", "many-1")).isEqualTo(String.valueOf(2 + probes));
        assertThat(redis.cli("EXISTS", "many-0", "many", "socket.io")).isEqualTo("0");
    }
}
