package io.pulseio.nodes.socketio.internal.shared;

import java.util.Set;

/**
 * The rule for an {@code eventName} a client or server node sends or subscribes to: not empty, and not
 * one of the names Socket.IO keeps for itself. Pure.
 */
public final class EventName {
    /** Event names Socket.IO keeps for itself. */
    static final Set<String> RESERVED =
            Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    private EventName() {}

    /**
     * The event name input {@code value}, checked.
     *
     * @throws NodeError ({@code invalid event name}) when it breaks the rule
     */
    public static String check(String value, String namespace) {
        String problem = problem(value);
        if (problem != null) {
            throw new NodeError(NodeReason.INVALID_EVENT_NAME, namespace, problem);
        }
        return value;
    }

    /** What is wrong with an event name, or null. */
    public static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "event name must not be empty";
        }
        if (RESERVED.contains(value)) {
            return "'" + value + "' is a reserved Socket.IO event name";
        }
        return null;
    }
}
