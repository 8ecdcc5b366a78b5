package io.pulseio.interop.server;

import io.pulseio.client.ClientOptions;
import io.pulseio.client.Transport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a client reaches our server: every test here runs once per mode. */
enum ClientMode {
    /** HTTP long-polling only. */
    POLLING(List.of("polling")),
    /** WebSocket only, from the first request. */
    WEBSOCKET(List.of("websocket")),
    /** Polling first, then the probe and the upgrade to WebSocket (the clients' default). */
    UPGRADE(List.of("polling", "websocket"));

    private final List<String> transports;

    ClientMode(List<String> transports) {
        this.transports = transports;
    }

    /**
     * {@code io()} options for the official client in this mode, with short reconnection delays
     * (100 ms, at most 500 ms) so that reconnections show up fast.
     */
    Map<String, Object> nodeOptions() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("transports", transports);
        options.put("upgrade", this == UPGRADE);
        options.put("reconnectionDelay", 100);
        options.put("reconnectionDelayMax", 500);
        options.put("timeout", 5000);
        return options;
    }

    /** {@link #nodeOptions()} plus more. */
    Map<String, Object> nodeOptions(Map<String, ?> more) {
        Map<String, Object> options = nodeOptions();
        options.putAll(more);
        return options;
    }

    /** Options for our own client in this mode (same delays as {@link #nodeOptions()}). */
    ClientOptions.Builder ownOptions(String url) {
        Transport[] chosen = transports.stream()
                .map(t -> t.equals("polling") ? Transport.POLLING : Transport.WEBSOCKET)
                .toArray(Transport[]::new);
        return ClientOptions.builder(url)
                .transports(chosen)
                .upgrade(this == UPGRADE)
                .connectTimeout(Duration.ofSeconds(5))
                .reconnectionDelay(Duration.ofMillis(100))
                .reconnectionDelayMax(Duration.ofMillis(500));
    }

    /** The server-side name of the transport a connection ends up on. */
    String finalTransport() {
        return transports.get(transports.size() - 1);
    }
}
