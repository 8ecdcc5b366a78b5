package io.pulseio.server;

/** Why a server-side socket (or an Engine.IO session) ended, named as Socket.IO names it. */
public enum DisconnectReason {
    /** The server called {@code disconnect()} on the socket. */
    SERVER_NAMESPACE_DISCONNECT("server namespace disconnect"),
    /** The client sent a DISCONNECT packet for the namespace. */
    CLIENT_NAMESPACE_DISCONNECT("client namespace disconnect"),
    /** The server is closing. */
    SERVER_SHUTTING_DOWN("server shutting down"),
    /** The client did not answer a ping within {@code pingTimeout}. */
    PING_TIMEOUT("ping timeout"),
    /** The client closed the connection (or sent an Engine.IO CLOSE packet). */
    TRANSPORT_CLOSE("transport close"),
    /** The connection failed (for example two concurrent polling requests, or a cancelled poll). */
    TRANSPORT_ERROR("transport error"),
    /** The client sent something that is not Engine.IO v4 / Socket.IO v5. */
    PARSE_ERROR("parse error"),
    /** The server closed the underlying connection ({@code disconnect(true)}). */
    FORCED_CLOSE("forced close"),
    /** The server dropped the connection without a graceful close. */
    FORCED_SERVER_CLOSE("forced server close");

    private final String reason;

    DisconnectReason(String reason) {
        this.reason = reason;
    }

    /** The reason as Socket.IO spells it. */
    public String reason() {
        return reason;
    }

    /** True for the reasons after which connection state recovery may restore the socket. */
    public boolean recoverable() {
        return this != SERVER_NAMESPACE_DISCONNECT && this != CLIENT_NAMESPACE_DISCONNECT && this != PARSE_ERROR;
    }

    @Override
    public String toString() {
        return reason;
    }
}
