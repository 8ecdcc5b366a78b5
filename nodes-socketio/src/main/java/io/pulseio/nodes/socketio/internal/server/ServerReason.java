package io.pulseio.nodes.socketio.internal.server;

import io.pulseio.nodes.socketio.internal.shared.Reason;

/**
 * The reasons of On Socket.IO Server Error that belong to hosted servers (besides {@code NodeReason},
 * shared with the client nodes), and On Socket.IO Server Stop's. On Client Disconnect passes on Socket.IO's
 * own ({@link io.pulseio.server.DisconnectReason}). The list is in {@code docs/socketio-nodes.md}
 * ({@code ServerReasonTest} holds the two to each other).
 */
enum ServerReason implements Reason {
    /** The server could not listen: port in use, address not available, unreadable TLS files. */
    BIND_ERROR("bind error"),
    /** A server node ran while its server was not started. */
    NOT_STARTED("not started"),
    /** No connected client has this id. */
    UNKNOWN_CLIENT("unknown client"),
    /** The ack id is not waiting for an answer (answered already, its client gone, or never asked). */
    UNKNOWN_ACK("unknown ack"),
    /** An empty room name, or an empty client id or room for Server Emit's target. */
    INVALID_TARGET("invalid target"),
    /** On Socket.IO Server Stop's only reason: a Server Stop node closed the server. */
    SERVER_STOP("server stop");

    private final String wireName;

    ServerReason(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
