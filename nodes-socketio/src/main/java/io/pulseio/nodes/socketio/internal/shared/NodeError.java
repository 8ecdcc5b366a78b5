package io.pulseio.nodes.socketio.internal.shared;

/**
 * A Socket.IO node could not do its work (misuse: not started, empty event name, invalid JSON, unknown
 * client ...). Thrown by a behaviour, traced by the runtime, and routed by the plugin to On Socket.IO Error
 * (client nodes) or On Socket.IO Server Error (server nodes) with its reason.
 */
public final class NodeError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Reason reason;
    private final String clientId;
    private final String namespace;

    /** A failure concerning no client in particular. */
    public NodeError(Reason reason, String namespace, String message) {
        this(reason, "", namespace, message);
    }

    /** @param clientId the client concerned (server nodes), or "" */
    public NodeError(Reason reason, String clientId, String namespace, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.clientId = clientId;
        this.namespace = namespace;
    }

    public Reason reason() {
        return reason;
    }

    /** The client concerned, or "" (always "" for client nodes). */
    public String clientId() {
        return clientId;
    }

    /** The namespace the node worked on, or "" when it had none. */
    public String namespace() {
        return namespace;
    }
}
