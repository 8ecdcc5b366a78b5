package io.pulseio.nodes.socketio.internal.server;

import io.pulseio.nodes.socketio.internal.shared.Reasons;

/**
 * The {@code reason} values of On Socket.IO Server Error and On Socket.IO Server Stop, besides those shared
 * with the client nodes ({@code invalid event name}, {@code invalid namespace}, {@code invalid message},
 * {@code node failure}: see {@link Reasons}). On Client Disconnect passes
 * on Socket.IO's own disconnect reasons. The full list is in {@code docs/socketio-nodes.md}.
 */
public final class ServerReasons {
    /** The server could not listen: port in use, address not available, unreadable TLS files. */
    public static final String BIND_ERROR = "bind error";
    /** A server node ran while its server was not started. */
    public static final String NOT_STARTED = "not started";
    /** No connected client has this id. */
    public static final String UNKNOWN_CLIENT = "unknown client";
    /** The ack id is not waiting for an answer (answered already, its client gone, or never asked). */
    public static final String UNKNOWN_ACK = "unknown ack";
    /** An empty room name, or an empty client id or room for Server Emit's target. */
    public static final String INVALID_TARGET = "invalid target";
    /** On Socket.IO Server Stop: a Server Stop node closed the server. */
    public static final String SERVER_STOP = "server stop";

    private ServerReasons() {
    }
}
