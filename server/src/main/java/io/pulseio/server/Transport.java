package io.pulseio.server;

/** The Engine.IO transports a server can offer, with their query-string names. */
public enum Transport {
    POLLING("polling"),
    WEBSOCKET("websocket");

    private final String wireName;

    Transport(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the {@code transport} query parameter and in {@code upgrades}. */
    public String wireName() {
        return wireName;
    }

    /** The transport named {@code name} on the wire, or null. */
    public static Transport ofWireName(String name) {
        for (Transport t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
