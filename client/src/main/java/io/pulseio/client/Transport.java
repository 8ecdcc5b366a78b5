package io.pulseio.client;

/** The Engine.IO transports, with their wire names. */
public enum Transport {
    /** HTTP long-polling: works through every proxy; the default first transport. */
    POLLING("polling"),
    /** WebSocket: the transport a polling session upgrades to by default. */
    WEBSOCKET("websocket");

    private final String wireName;

    Transport(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the {@code transport} query parameter ({@code polling}, {@code websocket}). */
    public String wireName() {
        return wireName;
    }

    /** The transport with that wire name, or null when there is none. */
    public static Transport ofWireName(String name) {
        for (Transport t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
