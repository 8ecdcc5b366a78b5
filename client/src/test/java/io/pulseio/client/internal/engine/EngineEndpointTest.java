package io.pulseio.client.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineEndpointTest {
    @Test
    void requestTargetsCarryTheProtocolTheTransportTheSidAndTheQuery() {
        EngineEndpoint e = new EngineEndpoint(new EngineOptions(
                false,
                "example.com",
                80,
                "/socket.io/",
                Map.of("token", "a b&c"),
                Map.of(),
                List.of("polling"),
                true,
                null,
                1000));
        assertThat(e.pathAndQuery("polling", null)).isEqualTo("/socket.io/?EIO=4&transport=polling&token=a%20b%26c");
        assertThat(e.pathAndQuery("polling", "ab+c"))
                .isEqualTo("/socket.io/?EIO=4&transport=polling&sid=ab%2Bc&token=a%20b%26c");
        assertThat(e.hostHeader()).isEqualTo("example.com");
        assertThat(e.webSocketUri("s1"))
                .isEqualTo("ws://example.com:80/socket.io/?EIO=4&transport=websocket&sid=s1&token=a%20b%26c");
    }

    @Test
    void nonDefaultPortsAndIpv6HostsAreWrittenAsUrlsWantThem() {
        EngineEndpoint e = new EngineEndpoint(new EngineOptions(
                true, "::1", 8443, "/p/", Map.of(), Map.of(), List.of("websocket"), true, null, 1000));
        assertThat(e.hostHeader()).isEqualTo("[::1]:8443");
        assertThat(e.webSocketUri(null)).isEqualTo("wss://[::1]:8443/p/?EIO=4&transport=websocket");
    }
}
