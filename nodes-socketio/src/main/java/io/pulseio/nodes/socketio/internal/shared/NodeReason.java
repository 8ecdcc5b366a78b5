package io.pulseio.nodes.socketio.internal.shared;

/** The reasons both the client and the server nodes fail with (see {@code docs/socketio-nodes.md}, "Errors"). */
public enum NodeReason implements Reason {
    /** An empty or reserved event name ({@link EventName}). */
    INVALID_EVENT_NAME("invalid event name"),
    /** A namespace that does not start with {@code /} ({@link NamespaceName}). */
    INVALID_NAMESPACE("invalid namespace"),
    /** A message that cannot be sent, e.g. invalid JSON in {@code json} mode. */
    INVALID_MESSAGE("invalid message"),
    /** A Socket.IO node failed for another reason (e.g. a linked input that could not be computed). */
    NODE_FAILURE("node failure");

    private final String wireName;

    NodeReason(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
