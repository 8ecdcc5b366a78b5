package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerLimitsTest {
    @Test
    void defaultsAreTheOptionsDefaults() {
        ServerOptions o = ServerOptions.builder().build();
        ServerLimits l = ServerLimits.defaults();
        assertThat(l.maxHttpBufferSize()).isEqualTo(o.maxHttpBufferSize()).isEqualTo(1_000_000);
        assertThat(l.maxOutboundBufferSize()).isEqualTo(16L * 1024 * 1024);
        assertThat(l.maxAttachments()).isEqualTo(10);
        assertThat(l.maxAttachmentBytes()).isEqualTo(10_000_000);
        assertThat(l.attachmentTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(l.maxNamespaceLength()).isEqualTo(256);
        assertThat(l.writeTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.limits().toString()).isEqualTo(l.toString());
        assertThat(SessionTimeouts.defaults().upgradeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.timeouts().toString()).isEqualTo(SessionTimeouts.defaults().toString());
    }

    @Test
    void aGroupReplacesItsValuesAndShorthandsChangeOneAfterIt() {
        ServerLimits limits = ServerLimits.builder()
                .maxConnections(7)
                .maxNamespaceLength(40)
                .keepAliveTimeout(Duration.ofSeconds(2))
                .build();
        SessionTimeouts timeouts = SessionTimeouts.builder()
                .pingInterval(Duration.ofMillis(300))
                .pingTimeout(Duration.ofMillis(200))
                .build();
        ServerOptions o = ServerOptions.builder()
                .maxAttachments(3)
                .limits(limits)
                .maxOutboundBufferSize(0)
                .timeouts(timeouts)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        assertThat(o.maxConnections()).isEqualTo(7);
        assertThat(o.maxNamespaceLength()).isEqualTo(40);
        assertThat(o.keepAliveTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.maxAttachments()).as("replaced by the group").isEqualTo(10);
        assertThat(o.maxOutboundBufferSize()).isZero();
        assertThat(o.pingInterval()).isEqualTo(Duration.ofMillis(300));
        assertThat(o.timeouts().pingTimeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(timeouts.connectTimeout()).as("the group is immutable").isEqualTo(Duration.ofSeconds(45));
        ServerOptions copy = o.toBuilder().build();
        assertThat(copy.limits().toString()).isEqualTo(o.limits().toString());
        assertThat(copy.timeouts().toString()).isEqualTo(o.timeouts().toString());
    }

    @Test
    void badValuesAreRejectedByTheGroupsToo() {
        assertThatThrownBy(() -> ServerLimits.builder().maxAttachmentBytes(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxAttachmentBytes must be >= 1, was 0");
        assertThatThrownBy(() -> ServerLimits.builder().attachmentTimeout(null).build())
                .hasMessage("attachmentTimeout must not be null");
        assertThatThrownBy(() -> ServerLimits.builder().maxNamespaceLength(0).build())
                .hasMessage("maxNamespaceLength must be >= 1, was 0");
        assertThatThrownBy(() -> SessionTimeouts.builder()
                        .upgradeTimeout(Duration.ofSeconds(-1))
                        .build())
                .hasMessage("upgradeTimeout must be positive, was PT-1S");
        assertThatThrownBy(() ->
                        ServerOptions.builder().writeTimeout(Duration.ZERO).build())
                .hasMessage("writeTimeout must be positive, was PT0S");
        assertThatThrownBy(() -> ServerOptions.builder().limits(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("limits");
        assertThatThrownBy(() -> ServerOptions.builder().timeouts(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("timeouts");
    }
}
