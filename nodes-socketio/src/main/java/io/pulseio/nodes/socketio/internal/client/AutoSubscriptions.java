package io.pulseio.nodes.socketio.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.logic.spi.ValidationContext;
import io.pulseio.nodes.socketio.internal.shared.DefaultOwner;
import io.pulseio.nodes.socketio.internal.shared.EventName;
import io.pulseio.nodes.socketio.internal.shared.NodeShapes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The subscriptions On Socket.IO Receive nodes make by themselves: a node whose attribute {@code subscribe}
 * is {@code true} subscribes to its {@code eventName} filter ({@link #EVERY_EVENT} when empty) in its
 * {@code namespace} filter ({@code /} when empty) each time its connection is started, as a Subscribe
 * just before the Start would. Pure.
 */
final class AutoSubscriptions {
    /** On Receive's attribute switching its own subscription on (default false: files keep their meaning). */
    static final String SUBSCRIBE = "subscribe";
    /** The event name of a subscription to every event of a namespace. */
    static final String EVERY_EVENT = "*";

    /** One namespace and event pair. */
    record Pair(String namespace, String event) {}

    private AutoSubscriptions() {}

    /** The pairs of the On Receive nodes of {@code connection}, in file order, each once. */
    static List<Pair> of(List<NodeSpec> nodes, String connection, List<String> names) {
        Set<Pair> pairs = new LinkedHashSet<>();
        for (NodeSpec node : nodes) {
            JsonNode a = node.attributes();
            if (!node.type().equals(OnReceiveNode.ID)
                    || !a.path(SUBSCRIBE).asBoolean(false)
                    || !connection.equals(DefaultOwner.resolve(
                            a.path(ClientNodes.CONFIGURATION).asText(""), names))) {
                continue;
            }
            String event = a.path(NodeShapes.EVENT_NAME).asText("");
            String namespace = a.path(NodeShapes.NAMESPACE).asText("");
            pairs.add(new Pair(namespace.isEmpty() ? "/" : namespace, event.isEmpty() ? EVERY_EVENT : event));
        }
        return new ArrayList<>(pairs);
    }

    /** A subscribing On Receive's event name filter must be one a Subscribe could name. */
    static void check(ValidationContext check, NodeSpec node) {
        if (!node.type().equals(OnReceiveNode.ID) || !check.attributes(node).bool(SUBSCRIBE, false)) {
            return;
        }
        String event = check.attributes(node).string(NodeShapes.EVENT_NAME);
        if (event != null && !event.isEmpty() && EventName.problem(event) != null) {
            check.report(
                    ProblemKind.INVALID_ATTRIBUTE,
                    node.path() + ".attributes." + NodeShapes.EVENT_NAME,
                    node.id(),
                    NodeShapes.EVENT_NAME,
                    EventName.problem(event) + " (it cannot be subscribed)");
        }
    }
}
