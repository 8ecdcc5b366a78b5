package io.pulseio.client;

/** Why a connected {@link Socket} was disconnected, with the exact names Socket.IO uses. */
public enum DisconnectReason {
    /** The server disconnected the socket (a DISCONNECT packet). The socket does not reconnect. */
    IO_SERVER_DISCONNECT("io server disconnect"),
    /** The application called {@link Socket#disconnect()} or {@link SocketIoClient#close()}. */
    IO_CLIENT_DISCONNECT("io client disconnect"),
    /** No ping from the server within {@code pingInterval + pingTimeout}. Reconnects. */
    PING_TIMEOUT("ping timeout"),
    /** The connection was closed (by the network or the server). Reconnects. */
    TRANSPORT_CLOSE("transport close"),
    /** The connection failed. Reconnects. */
    TRANSPORT_ERROR("transport error"),
    /** The server sent a packet that is not valid Socket.IO. Reconnects. */
    PARSE_ERROR("parse error");

    private final String wireName;

    DisconnectReason(String wireName) {
        this.wireName = wireName;
    }

    /** Socket.IO's name for the reason, e.g. {@code "io server disconnect"}. */
    public String wireName() {
        return wireName;
    }

    /** True when the client reconnects by itself after this reason (with reconnection on). */
    public boolean reconnects() {
        return this != IO_SERVER_DISCONNECT && this != IO_CLIENT_DISCONNECT;
    }

    /** The reason with that Socket.IO name, or null when there is none. */
    public static DisconnectReason ofWireName(String name) {
        for (DisconnectReason r : values()) {
            if (r.wireName.equals(name)) {
                return r;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
