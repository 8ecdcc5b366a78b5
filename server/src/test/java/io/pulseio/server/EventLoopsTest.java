package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventLoopsTest {
    @Test
    void serversShareLoopsThatOutliveThem() {
        try (EventLoops loops = EventLoops.create(1)) {
            SocketIoServer first = SocketIoServer.create(ServerOptions.builder().build(), loops);
            SocketIoServer second =
                    SocketIoServer.create(ServerOptions.builder().build(), loops);
            int a = first.start();
            int b = second.start();
            assertThat(a).isNotEqualTo(b);
            first.close();
            Http http = new Http(b, "/socket.io/");
            assertThat(http.get("EIO=4&transport=polling").statusCode()).isEqualTo(200);
            second.close();
        }
    }

    @Test
    void aClosedServerCannotStart() {
        SocketIoServer server =
                SocketIoServer.create(ServerOptions.builder().ioThreads(1).build());
        server.close();
        assertThatThrownBy(server::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("server is closed");
    }

    @Test
    void threadsMustBePositive() {
        assertThatThrownBy(() -> EventLoops.create(0)).hasMessage("threads must be >= 1, was 0");
    }
}
