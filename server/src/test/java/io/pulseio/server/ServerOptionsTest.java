package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServerOptionsTest {
    @Test
    void defaultsFollowTheNodeServer() {
        ServerOptions o = ServerOptions.builder().build();
        assertThat(o.path()).isEqualTo("/socket.io/");
        assertThat(o.pingInterval()).isEqualTo(Duration.ofSeconds(25));
        assertThat(o.pingTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(o.maxHttpBufferSize()).isEqualTo(1_000_000);
        assertThat(o.transports()).containsExactlyInAnyOrder(Transport.POLLING, Transport.WEBSOCKET);
        assertThat(o.corsOrigins()).isEmpty();
        assertThat(o.connectionStateRecovery()).isFalse();
        assertThat(o.headersTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.requestTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(o.keepAliveTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.maxConnections()).isZero();
    }

    @Test
    void pathGetsItsSlashes() {
        assertThat(ServerOptions.builder().path("engine.io").build().path()).isEqualTo("/engine.io/");
        assertThat(ServerOptions.builder().path("/x/").build().path()).isEqualTo("/x/");
    }

    @Test
    void badValuesAreRejectedWithExactMessages() {
        assertThatThrownBy(() -> ServerOptions.builder().port(70000).build())
                .hasMessage("port must be between 0 and 65535, was 70000");
        assertThatThrownBy(() ->
                        ServerOptions.builder().pingInterval(Duration.ZERO).build())
                .hasMessage("pingInterval must be positive, was PT0S");
        assertThatThrownBy(() -> ServerOptions.builder().pingTimeout(null).build())
                .hasMessage("pingTimeout must not be null");
        assertThatThrownBy(() -> ServerOptions.builder().maxHttpBufferSize(0).build())
                .hasMessage("maxHttpBufferSize must be between 1 and 2147483647, was 0");
        assertThatThrownBy(
                        () -> ServerOptions.builder().maxOutboundBufferSize(-1).build())
                .hasMessage("maxOutboundBufferSize must be >= 0 (0: no limit), was -1");
        assertThatThrownBy(() -> ServerOptions.builder().transports(Set.of()).build())
                .hasMessage("transports must not be empty");
        assertThatThrownBy(() ->
                        ServerOptions.builder().tls(Path.of("cert.pem"), null).build())
                .hasMessage("tls needs both a certificate and a private key");
        assertThatThrownBy(() -> ServerOptions.builder().corsOrigins(" ").build())
                .hasMessage("corsOrigins must not hold a blank origin");
        assertThatThrownBy(() -> ServerOptions.builder().path("/a?b").build())
                .hasMessage("path must not contain '?' or '#', was /a?b");
        assertThatThrownBy(() -> ServerOptions.builder().path(" ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("path must not be blank");
        assertThatThrownBy(() -> ServerOptions.builder().maxAttachments(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAttachments must be >= 0, was -1");
        assertThatThrownBy(() -> ServerOptions.builder().ioThreads(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ioThreads must be >= 1, was 0");
        assertThatThrownBy(() ->
                        ServerOptions.builder().headersTimeout(Duration.ZERO).build())
                .hasMessage("headersTimeout must be positive, was PT0S");
        assertThatThrownBy(() -> ServerOptions.builder().maxConnections(-1).build())
                .hasMessage("maxConnections must be >= 0 (0: no cap), was -1");
    }

    @Test
    void toBuilderKeepsEveryValue() {
        ServerOptions o = ServerOptions.builder()
                .port(1234)
                .corsOrigins("*")
                .corsCredentials(true)
                .connectionStateRecovery(Duration.ofMinutes(2))
                .maxOutboundBufferSize(0)
                .build();
        ServerOptions copy = o.toBuilder().build();
        assertThat(copy.port()).isEqualTo(1234);
        assertThat(copy.corsOrigins()).containsExactly("*");
        assertThat(copy.corsCredentials()).isTrue();
        assertThat(copy.maxDisconnectionDuration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(copy.maxOutboundBufferSize()).isZero();
    }
}
