package io.pulseio.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.adapter.redis.RedisStreamsAdapter;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.Transport;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP long-polling clients through Debian's nginx in front of two servers of one cluster (a
 * pulseio server and an official Node.js server, streams adapter, one redis-server), with the
 * sticky-session configuration of docs/cluster.md ({@code ip_hash}). Each polling session's
 * requests all reach the server that opened it, the clients are spread over both servers, and
 * broadcasts from either server reach every client. The clients all run on 127.0.0.1, so each
 * names the address nginx should see in {@code X-Forwarded-For} (nginx's realip module, trusting
 * the loopback address as a load balancer in front of it would be trusted).
 */
class StickySessionsTest {
    private static final Pattern SID = Pattern.compile("[?&]sid=([^&\\s]+)");
    private RedisServer redis;
    private RedisStreamsAdapter adapter;
    private SocketIoServer java;
    private NodeClusterServer node;
    private Nginx nginx;
    private final List<JavaClusterClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        adapter = RedisStreamsAdapter.builder(redis.url())
                .requestsTimeout(Duration.ofSeconds(2))
                .build();
        java = SocketIoServer.create(ServerOptions.builder()
                .host("127.0.0.1")
                .port(0)
                .ioThreads(2)
                .adapter(adapter)
                .build());
        int javaPort = java.start();
        node = NodeClusterServer.start(redis.url(), "streams", 0);
        MixedClusterTestBase.awaitServerCount(java.sockets(), 2);
        nginx = Nginx.start("""
          upstream socketio {
            ip_hash;
            server 127.0.0.1:%d;
            server 127.0.0.1:%d;
          }
          set_real_ip_from 127.0.0.1;
          real_ip_header X-Forwarded-For;
          server {
            listen 127.0.0.1:PORT;
            location /socket.io/ {
              proxy_pass http://socketio;
              proxy_http_version 1.1;
              proxy_set_header Upgrade $http_upgrade;
              proxy_set_header Connection "upgrade";
              proxy_set_header Host $host;
            }
          }
        """.formatted(javaPort, node.port));
    }

    @AfterEach
    void stop() throws Exception {
        for (JavaClusterClient c : clients) {
            c.close();
        }
        if (nginx != null) {
            nginx.close();
        }
        node.close();
        java.close();
        adapter.close();
        redis.close();
    }

    @Test
    void pollingClientsStayOnTheirServerAndTheClusterReachesThemAll() throws Exception {
        // ip_hash hashes the first three octets: 10.0.1.x and 10.0.2.x go to different servers
        for (int i = 1; i <= 4; i++) {
            clients.add(new JavaClusterClient(
                    "j" + i,
                    ClientOptions.builder(nginx.url())
                            .transports(Transport.POLLING)
                            .reconnection(false)
                            .header("X-Forwarded-For", "10.0." + i + ".1")
                            .build()));
            node.run(Map.of(
                    "op",
                    "client",
                    "name",
                    "n" + i,
                    "url",
                    nginx.url(),
                    "opts",
                    Map.of(
                            "transports",
                            List.of("polling"),
                            "extraHeaders",
                            Map.of("X-Forwarded-For", "10.0." + i + ".2"))));
            int n = i;
            node.await(l -> "client-connect".equals(l.path("ev").asText())
                    && ("n" + n).equals(l.path("name").asText()));
        }
        java.sockets().emit("from-pulseio", 1);
        node.run(Map.of("op", "emit", "event", "from-node", "args", List.of(2)));
        for (int i = 1; i <= 4; i++) {
            clients.get(i - 1).await("from-pulseio");
            clients.get(i - 1).await("from-node");
            node.clientGot("n" + i, "from-pulseio");
            node.clientGot("n" + i, "from-node");
        }

        Map<String, Set<String>> upstreamsBySid = new HashMap<>();
        Set<String> upstreams = new HashSet<>();
        for (String line : nginx.accessLog()) {
            String[] parts = line.split(" ", 3);
            upstreams.add(parts[1]);
            Matcher m = SID.matcher(line);
            if (m.find()) {
                upstreamsBySid.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(parts[1]);
            }
        }
        assertThat(upstreamsBySid).as("polling sessions").hasSize(8);
        assertThat(upstreamsBySid.values())
                .as("each session on one server")
                .allSatisfy(s -> assertThat(s).hasSize(1));
        assertThat(upstreams).as("both servers used").hasSize(2);
        assertThat(java.sockets().sockets())
                .as("half the clients on the pulseio server")
                .hasSize(4);
    }
}
