package io.pulseio.nodes.socketio.internal.server;

import io.pulseio.nodes.socketio.internal.shared.Reasons;

/**
 * A server node could not do its work (server not started, unknown client, unknown ack ...). Thrown by a
 * behaviour, traced by the runtime, and routed to On Socket.IO Server Error by {@link Servers#nodeFailed}.
 */
final class ServerError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final String clientId;
    private final String namespace;

    ServerError(String reason, String clientId, String namespace, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.clientId = clientId;
        this.namespace = namespace;
    }

    /** One of {@link ServerReasons} or {@link Reasons}. */
    String reason() {
        return reason;
    }

    /** The client concerned, or "". */
    String clientId() {
        return clientId;
    }

    /** The namespace concerned, or "". */
    String namespace() {
        return namespace;
    }
}
