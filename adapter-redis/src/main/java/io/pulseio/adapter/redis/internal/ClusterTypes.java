package io.pulseio.adapter.redis.internal;

/**
 * The message types of socket.io-adapter's {@code ClusterAdapter} ({@code MessageType}), which the
 * streams adapter speaks. Types 1, 2 and 13 (heartbeats, adapter close) come from older streams
 * adapters and are ignored.
 */
final class ClusterTypes {
    static final int BROADCAST = 3;
    static final int SOCKETS_JOIN = 4;
    static final int SOCKETS_LEAVE = 5;
    static final int DISCONNECT_SOCKETS = 6;
    static final int FETCH_SOCKETS = 7;
    static final int FETCH_SOCKETS_RESPONSE = 8;
    static final int SERVER_SIDE_EMIT = 9;
    static final int SERVER_SIDE_EMIT_RESPONSE = 10;
    static final int BROADCAST_CLIENT_COUNT = 11;
    static final int BROADCAST_ACK = 12;

    private ClusterTypes() {}

    /** Types whose data may hold binary, which the stream then carries as base64 MessagePack. */
    static boolean mayHoldBinary(int type) {
        return type == BROADCAST
                || type == FETCH_SOCKETS_RESPONSE
                || type == SERVER_SIDE_EMIT
                || type == SERVER_SIDE_EMIT_RESPONSE
                || type == BROADCAST_ACK;
    }
}
