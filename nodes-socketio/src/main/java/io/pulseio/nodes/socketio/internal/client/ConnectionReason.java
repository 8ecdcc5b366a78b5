package io.pulseio.nodes.socketio.internal.client;

import io.pulseio.client.DisconnectReason;
import io.pulseio.nodes.socketio.internal.shared.Reason;

/**
 * The reasons of On Socket.IO Error that belong to connections (besides {@code NodeReason}, which the
 * server nodes share): the plugin's own, and Socket.IO's disconnect reasons passed on as the client
 * reports them ({@link #of}). With {@code NodeReason}, these are the reasons of the table "Errors" of
 * {@code docs/socketio-nodes.md} ({@code ConnectionReasonTest} holds the two to each other).
 */
enum ConnectionReason implements Reason {
    /** Send or Send With Ack on a connection that is not started (or is stopping). */
    NOT_STARTED("not started"),
    /** The send buffer was full while the connection was not established. */
    SEND_BUFFER_FULL("send buffer full"),
    /** No acknowledgement within the timeout. */
    ACK_TIMEOUT("ack timeout"),
    /** The acknowledgement cannot come any more: the namespace was left or the connection closed. */
    ACK_LOST("ack lost"),
    /** The connection could not be opened (refused, unreachable, TLS failure ...). */
    CONNECT_ERROR("connect error"),
    /** Opening the connection or joining a namespace took longer than {@code connectTimeout}. */
    CONNECT_TIMEOUT("connect timeout"),
    /** The server refused to let the client join a namespace (its message is passed on). */
    NAMESPACE_REFUSED("namespace refused"),
    /** Socket.IO's {@link DisconnectReason#TRANSPORT_CLOSE}: an established connection was lost. */
    TRANSPORT_CLOSE(DisconnectReason.TRANSPORT_CLOSE),
    /** Socket.IO's {@link DisconnectReason#TRANSPORT_ERROR}. */
    TRANSPORT_ERROR(DisconnectReason.TRANSPORT_ERROR),
    /** Socket.IO's {@link DisconnectReason#PING_TIMEOUT}. */
    PING_TIMEOUT(DisconnectReason.PING_TIMEOUT),
    /** Socket.IO's {@link DisconnectReason#PARSE_ERROR}. */
    PARSE_ERROR(DisconnectReason.PARSE_ERROR),
    /** Socket.IO's {@link DisconnectReason#IO_SERVER_DISCONNECT}: the server disconnected a namespace. */
    IO_SERVER_DISCONNECT(DisconnectReason.IO_SERVER_DISCONNECT),
    /** The client gave up after {@code reconnection.attempts} attempts. */
    RECONNECT_FAILED("reconnect failed"),
    /** The connection's settings could not be turned into a client (e.g. an unreadable TLS file). */
    INVALID_SETTINGS("invalid settings");

    private final String wireName;
    /** The Socket.IO reason this one passes on, or null for the plugin's own. */
    private final DisconnectReason disconnect;

    ConnectionReason(String wireName) {
        this.wireName = wireName;
        this.disconnect = null;
    }

    ConnectionReason(DisconnectReason disconnect) {
        this.wireName = disconnect.wireName();
        this.disconnect = disconnect;
    }

    /**
     * The error reason for a disconnect the client reported. Every reason but the client's own
     * ({@code io client disconnect}, which ends a Stop and is no error) has one.
     *
     * @throws IllegalArgumentException for {@link DisconnectReason#IO_CLIENT_DISCONNECT}
     */
    static ConnectionReason of(DisconnectReason reason) {
        for (ConnectionReason r : values()) {
            if (r.disconnect == reason) {
                return r;
            }
        }
        throw new IllegalArgumentException("no error reason for " + reason.wireName());
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
