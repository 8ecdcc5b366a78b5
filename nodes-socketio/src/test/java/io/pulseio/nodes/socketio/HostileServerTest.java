package io.pulseio.nodes.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.server.ConnectionRefusedException;
import io.pulseio.server.Middleware;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real server whose middleware refuses with terminal escape sequences or 900 KB: the project's On
 * Socket.IO Error (and so its Print, its log and its trace) gets the message escaped and capped.
 */
class HostileServerTest {
    private static final String NODES = MisuseTest.START + """
            , {"id": "start", "type": "socketio.start", "attributes": {"configuration": "main"}}""";
    private static final String LINKS = """
            {"from": "go.out", "to": "start.in"}""";

    private static List<String> refusedWith(String message) throws Exception {
        SocketIoServer server = SocketIoServer.create(
                ServerOptions.builder().port(0).ioThreads(1).build());
        server.sockets().use(Middleware.sync(socket -> {
            throw new ConnectionRefusedException(message);
        }));
        try {
            int port = server.start();
            String main = "{\"name\": \"main\", \"url\": \"http://127.0.0.1:" + port + "\", "
                    + "\"reconnection\": {\"enabled\": false}}";
            return MisuseTest.run(main, "namespace refused", NODES, LINKS);
        } finally {
            server.close();
        }
    }

    @Test
    void aRefusalWithEscapeSequencesReachesTheGraphEscaped() throws Exception {
        List<String> out = refusedWith("\u001b[2J\u001b]0;owned\u0007\u009b31mred\r\nforged");

        assertThat(out)
                .containsExactly("namespace refused|/|\\u001b[2J\\u001b]0;owned\\u0007\\u009b31mred\\r\\nforged");
    }

    @Test
    void aHugeRefusalReachesTheGraphCapped() throws Exception {
        List<String> out = refusedWith("x".repeat(900_000));

        assertThat(out).containsExactly("namespace refused|/|" + "x".repeat(1000) + "… (899000 more characters)");
    }
}
