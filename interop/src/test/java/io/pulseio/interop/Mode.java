package io.pulseio.interop;

import io.pulseio.client.ClientOptions;
import io.pulseio.client.Transport;
import java.time.Duration;

/** How a test's client reaches the server: each interop test runs once per mode. */
enum Mode {
    /** HTTP long-polling only. */
    POLLING(Transport.POLLING),
    /** WebSocket only, from the first request. */
    WEBSOCKET(Transport.WEBSOCKET),
    /** Polling first, then the probe and upgrade to WebSocket (the default of Socket.IO clients). */
    UPGRADE(Transport.POLLING, Transport.WEBSOCKET);

    private final Transport[] transports;

    Mode(Transport... transports) {
        this.transports = transports;
    }

    /**
     * Options for a client of {@code server} in this mode, with short reconnection delays (100 ms
     * doubling to 500 ms) and a 5 s connect timeout so that failures show up fast.
     */
    ClientOptions.Builder options(NodeServer server) {
        return ClientOptions.builder(server.url())
                .transports(transports)
                .upgrade(this == UPGRADE)
                .connectTimeout(Duration.ofSeconds(5))
                .reconnectionDelay(Duration.ofMillis(100))
                .reconnectionDelayMax(Duration.ofMillis(500));
    }

    /** The transport the connection ends up on. */
    Transport finalTransport() {
        return transports[transports.length - 1];
    }
}
