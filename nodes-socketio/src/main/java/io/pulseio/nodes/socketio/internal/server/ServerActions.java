package io.pulseio.nodes.socketio.internal.server;

import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.runThenFire;

import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.nodes.socketio.internal.shared.EventName;
import io.pulseio.nodes.socketio.internal.shared.MessageText;
import io.pulseio.nodes.socketio.internal.shared.NamespaceName;
import io.pulseio.nodes.socketio.internal.shared.NodeError;
import io.pulseio.nodes.socketio.internal.shared.NodeReason;

/**
 * The behaviours of the server action nodes. Each checks its inputs, hands the work to its server and fires
 * {@code out}; misuse throws {@link NodeError} (with a {@link ServerReason}, or a {@code NodeReason} for
 * event names, namespaces and messages), which becomes On Socket.IO Server Error, and the chain after the
 * node does not run.
 */
final class ServerActions {
    private ServerActions() {
    }

    static NodeBehaviour start(NodeSetup setup) {
        HostedServer s = server(setup);
        int started = setup.output("started");
        int port = setup.output("port");
        return runThenFire(node -> {
            java.util.concurrent.Executor later = node.answerLater();
            s.start();
            s.whenStarted(node, bound -> later.execute(() -> {
                node.output(port, (double) bound);
                node.fire(started);
            }));
        }, setup.output("out"));
    }

    static NodeBehaviour stop(NodeSetup setup) {
        HostedServer s = server(setup);
        int stopped = setup.output("stopped");
        return runThenFire(node -> {
            java.util.concurrent.Executor later = node.answerLater();
            s.whenStopped(node, () -> later.execute(() -> node.fire(stopped)));
            s.stop();
        }, setup.output("out"));
    }

    static NodeBehaviour emit(NodeSetup setup) {
        HostedServer s = server(setup);
        String target = setup.attributes().string(ServerNodeTypes.TARGET);
        int event = setup.input(ServerNodeTypes.EVENT_NAME);
        int namespace = setup.input(ServerNodeTypes.NAMESPACE);
        int to = setup.input("to");
        Message message = new Message(setup);
        return runThenFire(node -> {
            String ns = NamespaceName.check(node.string(namespace));
            String name = EventName.check(node.string(event), ns);
            String text = node.string(message.input); // pulled once: for the emit and for the trace
            Object[] args = message.arguments(text, ns);
            switch (target) {
                case ServerNodeTypes.TO_ROOM -> s.emitToRoom(ns, nonEmpty(node.string(to), "room", ns), name, args, text);
                case ServerNodeTypes.TO_CLIENT -> s.emitToClient(nonEmpty(node.string(to), "client id", ns), name, args,
                        text);
                default -> s.emitToNamespace(ns, name, args, text);
            }
        }, setup.output("out"));
    }

    static NodeBehaviour answer(NodeSetup setup) {
        HostedServer s = server(setup);
        int ackId = setup.input("ackId");
        Message message = new Message(setup);
        return runThenFire(node -> s.answer(node.string(ackId), message.arguments(node, "")), setup.output("out"));
    }

    static NodeBehaviour join(NodeSetup setup) {
        HostedServer s = server(setup);
        int client = setup.input("clientId");
        int room = setup.input("room");
        return runThenFire(node -> s.join(node.string(client), nonEmpty(node.string(room), "room", "")),
                setup.output("out"));
    }

    static NodeBehaviour leave(NodeSetup setup) {
        HostedServer s = server(setup);
        int client = setup.input("clientId");
        int room = setup.input("room");
        return runThenFire(node -> s.leave(node.string(client), nonEmpty(node.string(room), "room", "")),
                setup.output("out"));
    }

    static NodeBehaviour disconnect(NodeSetup setup) {
        HostedServer s = server(setup);
        int client = setup.input("clientId");
        int close = setup.input("close");
        return runThenFire(node -> s.disconnect(node.string(client), node.bool(close)), setup.output("out"));
    }

    /** The {@code message} input in the node's {@code messageFormat}. */
    private static final class Message {
        final int input;
        final String format;

        Message(NodeSetup setup) {
            input = setup.input("message");
            format = setup.attributes().string(ServerNodeTypes.MESSAGE_FORMAT);
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

    private static String nonEmpty(String value, String what, String ns) {
        if (value == null || value.isEmpty()) {
            throw new NodeError(ServerReason.INVALID_TARGET, "", ns, what + " must not be empty");
        }
        return value;
    }

    private static HostedServer server(NodeSetup setup) {
        String name = setup.attributes().string(ServerNodeTypes.SERVER);
        HostedServer s = setup.pluginRun(ServersRun.class).servers().server(name);
        if (s == null) {
            throw new IllegalStateException("unknown server '" + name + "'");
        }
        return s;
    }
}
