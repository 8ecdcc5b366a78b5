package io.pulseio.nodes.socketio.internal.server;

import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.model.PinType;
import io.pulseio.logic.model.Scope;
import io.pulseio.logic.spi.AttributeSpec;
import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.ValidationContext;
import io.pulseio.nodes.socketio.internal.shared.DefaultOwner;
import io.pulseio.nodes.socketio.internal.shared.MessageText;
import io.pulseio.nodes.socketio.internal.shared.NodeError;
import io.pulseio.nodes.socketio.internal.shared.NodeReason;
import io.pulseio.nodes.socketio.internal.shared.NodeShapes;
import io.pulseio.nodes.socketio.internal.shared.SocketIoProblems;
import java.util.List;

/**
 * The server node types (category Socket.IO Server), each in its own file ({@code ServerStartNode},
 * {@code ServerEmitNode} ...), and what they have in common: the attribute {@code server} naming their hosted
 * server, the shape of their descriptors, the {@code message} and {@code clientId} inputs, and the load-time
 * check of {@code server}. (The settings themselves are checked by {@code SettingsReader}; the namespace,
 * event name and JSON message constants by the checks shared with the client nodes.)
 */
public final class ServerNodes {
    /** Attribute of every server node: the server's name in {@code settings.socketio.servers}. */
    public static final String SERVER = "server";

    private static final String CATEGORY = "Socket.IO Server";

    private ServerNodes() {}

    /** Every server node type, actions first (the toolbox's order). */
    public static List<NodeType> all() {
        return List.of(
                ServerStartNode.serverStart(),
                ServerStopNode.serverStop(),
                ServerEmitNode.serverEmit(),
                AnswerAckNode.answerAck(),
                RoomNodes.joinRoom(),
                RoomNodes.leaveRoom(),
                DisconnectClientNode.disconnectClient(),
                ServerStartNode.onServerStart(),
                ServerStopNode.onServerStop(),
                OnClientConnectNode.onClientConnect(),
                DisconnectClientNode.onClientDisconnect(),
                OnServerReceiveNode.onServerReceive(),
                OnServerErrorNode.onServerError());
    }

    // ---- the shape of a server node ----

    static NodeDescriptor.Builder action(String id, String name, Scope... scopes) {
        return NodeShapes.action(CATEGORY, server(), id, name, scopes);
    }

    static NodeDescriptor.Builder listener(String id, String name) {
        return NodeShapes.listener(CATEGORY, server(), id, name);
    }

    private static AttributeSpec server() {
        return AttributeSpec.optional(
                SERVER,
                PinType.STRING,
                "",
                "name of a server in settings.socketio.servers; may be omitted when there is exactly one");
    }

    /** The attribute {@code messageFormat} and the input {@code message} ({@link Message}). */
    static NodeDescriptor.Builder message(NodeDescriptor.Builder b) {
        return b.attribute(NodeShapes.messageFormat())
                .input(PinSpec.optional("message", PinType.STRING, "").describedAs("the argument"));
    }

    /** The input {@code clientId}. */
    static NodeDescriptor.Builder client(NodeDescriptor.Builder b) {
        return b.input(PinSpec.required("clientId", PinType.STRING).describedAs("e.g. from On Client Connect"));
    }

    /** The hosted server the node names. */
    static HostedServer server(NodeSetup setup) {
        String name = setup.attributes().string(SERVER);
        HostedServer s = setup.pluginRun(ServersRun.class).servers().server(name);
        if (s == null) {
            throw new IllegalStateException("unknown server '" + name + "'");
        }
        return s;
    }

    /** The {@code message} input in the node's {@code messageFormat}. */
    static final class Message {
        final int input;
        private final String format;

        Message(NodeSetup setup) {
            input = setup.input("message");
            format = setup.attributes().string(NodeShapes.MESSAGE_FORMAT);
        }

        Object[] arguments(NodeContext node, String ns) {
            return arguments(node.string(input), ns);
        }

        /** The arguments of a message already pulled. */
        Object[] arguments(String text, String ns) {
            try {
                return MessageText.arguments(text, format);
            } catch (IllegalArgumentException e) {
                throw new NodeError(NodeReason.INVALID_MESSAGE, "", ns, e.getMessage());
            }
        }
    }

    /** A room or client id input that must not be empty ({@code invalid target}). */
    static String nonEmpty(String value, String what, String ns) {
        if (value == null || value.isEmpty()) {
            throw new NodeError(ServerReason.INVALID_TARGET, "", ns, what + " must not be empty");
        }
        return value;
    }

    // ---- load-time checks ----

    /** Each server node's {@code server} must name a server of {@code settings.socketio.servers}. */
    public static void check(ValidationContext check) {
        List<String> names = DefaultOwner.namesAsWritten(check.settings(), "servers");
        for (NodeSpec node : check.nodes()) {
            String server = check.attributes(node).string(SERVER);
            if (DefaultOwner.check(
                            check,
                            node,
                            SERVER,
                            server,
                            check.settings().path("servers").size(),
                            "server")
                    && server != null
                    && !server.isEmpty()
                    && !names.contains(server)) {
                check.report(
                        SocketIoProblems.UNKNOWN_CONNECTION,
                        node.path() + ".attributes." + SERVER,
                        node.id(),
                        SERVER,
                        "unknown server '" + server + "' ("
                                + (names.isEmpty()
                                        ? "no server is configured in settings.socketio.servers"
                                        : "configured: " + String.join(", ", names))
                                + ")");
            }
        }
    }
}
