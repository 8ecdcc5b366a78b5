package io.pulseio.nodes.socketio.internal.shared;

import io.pulseio.nodes.socketio.internal.client.Connections;

/**
 * A Socket.IO node could not do its work (misuse: not started, empty event name, invalid JSON ...).
 * Thrown by a behaviour, traced by the runtime, and routed to On Socket.IO Error by
 * {@link Connections#nodeFailed} (server nodes: by {@code Servers#nodeFailed}).
 */
public final class NodeError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final String namespace;

    public NodeError(String reason, String namespace, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.namespace = namespace;
    }

    /** One of {@link Reasons}. */
    public String reason() {
        return reason;
    }

    /** The namespace the node worked on, or "" when it had none. */
    public String namespace() {
        return namespace;
    }
}
