package io.pulseio.nodes.socketio.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.model.PinType;
import io.pulseio.logic.model.Scope;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.logic.spi.AttributeSpec;
import io.pulseio.logic.spi.Attributes;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.ValidationContext;
import io.pulseio.nodes.socketio.internal.shared.DefaultOwner;
import io.pulseio.nodes.socketio.internal.shared.EventName;
import io.pulseio.nodes.socketio.internal.shared.MessageText;
import io.pulseio.nodes.socketio.internal.shared.NamespaceName;
import io.pulseio.nodes.socketio.internal.shared.NodeShapes;
import io.pulseio.nodes.socketio.internal.shared.SocketIoProblems;
import java.util.List;

/**
 * The client node types (category Socket.IO), each in its own file ({@code StartNode}, {@code SendNode} ...),
 * and what they have in common: the attribute {@code configuration} naming their connection, the shape of
 * their descriptors, and the load-time checks of their attributes and constant inputs (after the settings
 * section's, {@code SettingsReader}).
 */
public final class ClientNodes {
    /** Attribute of every client node: the connection's name. */
    public static final String CONFIGURATION = "configuration";

    private static final String CATEGORY = "Socket.IO";

    private ClientNodes() {}

    /** Every client node type, actions first (the toolbox's order). */
    public static List<NodeType> all() {
        return List.of(
                StartNode.start(),
                StopNode.stop(),
                SendNode.send(),
                SendWithAckNode.sendWithAck(),
                SubscribeNode.subscribe(),
                UnsubscribeNode.unsubscribe(),
                StartNode.onStart(),
                StopNode.onStop(),
                OnReceiveNode.onReceive(),
                OnErrorNode.onError(),
                SubscribeNode.onSubscribe(),
                UnsubscribeNode.onUnsubscribe());
    }

    // ---- the shape of a client node ----

    static NodeDescriptor.Builder action(String id, String name, Scope... scopes) {
        return NodeShapes.action(CATEGORY, configuration(), id, name, scopes);
    }

    static NodeDescriptor.Builder listener(String id, String name) {
        return NodeShapes.listener(CATEGORY, configuration(), id, name);
    }

    /** The inputs {@code eventName} and {@code namespace}. */
    static NodeDescriptor.Builder event(NodeDescriptor.Builder b) {
        return b.input(PinSpec.required(NodeShapes.EVENT_NAME, PinType.STRING).describedAs("the event's name"))
                .input(PinSpec.optional(NodeShapes.NAMESPACE, PinType.STRING, "/")
                        .describedAs("e.g. / or /chat"));
    }

    private static AttributeSpec configuration() {
        return AttributeSpec.optional(
                CONFIGURATION,
                PinType.STRING,
                "",
                "name of a connection in settings.socketio; may be omitted when there is exactly one");
    }

    /** The connection manager the node names. */
    static Connection connection(NodeSetup setup) {
        String name = setup.attributes().string(CONFIGURATION);
        Connection c = setup.pluginRun(ConnectionsRun.class).connections().connection(name);
        if (c == null) {
            throw new IllegalStateException("unknown connection '" + name + "'");
        }
        return c;
    }

    /** What an action on one event of one namespace does with its connection. */
    @FunctionalInterface
    interface EventWork {
        void run(Connection connection, String namespace, String event);
    }

    /**
     * The behaviour of an action on one event (Subscribe, Unsubscribe): reads and checks {@code namespace}
     * and {@code eventName}, does the work, fires {@code out}.
     */
    static NodeBehaviour eventAction(NodeSetup setup, EventWork work) {
        Connection c = connection(setup);
        int event = setup.input(NodeShapes.EVENT_NAME);
        int namespace = setup.input(NodeShapes.NAMESPACE);
        return NodeShapes.runThenFire(
                node -> {
                    String ns = NamespaceName.check(node.string(namespace));
                    work.run(c, ns, EventName.check(node.string(event), ns));
                },
                setup.output("out"));
    }

    // ---- load-time checks ----

    /** The node checks; the settings section was checked before ({@code SettingsReader}). */
    public static void check(ValidationContext check) {
        List<String> names = DefaultOwner.namesAsWritten(check.settings(), "connections");
        for (NodeSpec node : check.nodes()) {
            Attributes attributes = check.attributes(node);
            String connection = attributes.string(CONFIGURATION);
            if (DefaultOwner.check(
                            check,
                            node,
                            CONFIGURATION,
                            connection,
                            check.settings().path("connections").size(),
                            "connection")
                    && connection != null
                    && !connection.isEmpty()
                    && !names.contains(connection)) {
                check.report(
                        SocketIoProblems.UNKNOWN_CONNECTION,
                        node.path() + ".attributes." + CONFIGURATION,
                        node.id(),
                        CONFIGURATION,
                        "unknown connection '" + connection + "' ("
                                + (names.isEmpty()
                                        ? "no connection is configured in settings.socketio.connections"
                                        : "configured: " + String.join(", ", names))
                                + ")");
            }
            String filter = attributes.string(NodeShapes.NAMESPACE);
            if (filter != null && !filter.isEmpty() && !filter.startsWith("/")) {
                check.report(
                        ProblemKind.INVALID_ATTRIBUTE,
                        node.path() + ".attributes." + NodeShapes.NAMESPACE,
                        node.id(),
                        NodeShapes.NAMESPACE,
                        "namespace must start with /, was \"" + filter + "\"");
            }
            AutoSubscriptions.check(check, node);
            if (node.type().equals(SendNode.ID) || node.type().equals(SendWithAckNode.ID)) {
                EmitArguments.check(check, node);
            }
            constants(check, node, attributes);
        }
    }

    private static void constants(ValidationContext check, NodeSpec node, Attributes attributes) {
        JsonNode namespace = node.constants().get(NodeShapes.NAMESPACE);
        if (namespace != null
                && namespace.isTextual()
                && !namespace.textValue().isEmpty()
                && !namespace.textValue().startsWith("/")) {
            check.report(
                    ProblemKind.INVALID_VALUE,
                    node.path() + ".inputs." + NodeShapes.NAMESPACE,
                    node.id(),
                    NodeShapes.NAMESPACE,
                    "namespace must start with /, was \"" + namespace.textValue() + "\"");
        }
        JsonNode event = node.constants().get(NodeShapes.EVENT_NAME);
        if (event != null && event.isTextual() && EventName.problem(event.textValue()) != null) {
            check.report(
                    ProblemKind.INVALID_VALUE,
                    node.path() + ".inputs." + NodeShapes.EVENT_NAME,
                    node.id(),
                    NodeShapes.EVENT_NAME,
                    EventName.problem(event.textValue()));
        }
        JsonNode message = node.constants().get("message");
        if (message != null
                && message.isTextual()
                && MessageText.JSON.equals(attributes.string(NodeShapes.MESSAGE_FORMAT))) {
            try {
                MessageText.parse(message.textValue());
            } catch (IllegalArgumentException e) {
                check.report(
                        ProblemKind.INVALID_VALUE,
                        node.path() + ".inputs.message",
                        node.id(),
                        "message",
                        e.getMessage());
            }
        }
    }
}
