package io.pulseio.nodes.socketio.internal.client;

import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.runThenFire;

import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.nodes.socketio.internal.shared.EventName;
import io.pulseio.nodes.socketio.internal.shared.NamespaceName;
import io.pulseio.nodes.socketio.internal.shared.NodeError;
import io.pulseio.nodes.socketio.internal.shared.NodeReason;
import java.util.concurrent.Executor;

/**
 * The behaviours of the action nodes. Each checks its inputs, hands the work to its connection and fires
 * {@code out} at once; misuse throws {@link NodeError}, which the runtime traces and the plugin turns into
 * On Socket.IO Error (the chain after the node does not run).
 */
public final class Actions {
    private Actions() {
    }

    static NodeBehaviour start(NodeSetup setup) {
        Connection c = connection(setup);
        int out = setup.output("out");
        int started = setup.output("started");
        return runThenFire(node -> {
            Executor later = node.answerLater();
            c.start();
            c.whenStarted(node, () -> later.execute(() -> node.fire(started)));
        }, out);
    }

    static NodeBehaviour stop(NodeSetup setup) {
        Connection c = connection(setup);
        int out = setup.output("out");
        int stopped = setup.output("stopped");
        int reason = setup.output("reason");
        return runThenFire(node -> {
            Executor later = node.answerLater();
            c.whenStopped(node, why -> later.execute(() -> {
                node.output(reason, why.wireName());
                node.fire(stopped);
            }));
            c.stop();
        }, out);
    }

    static NodeBehaviour subscribe(NodeSetup setup) {
        Connection c = connection(setup);
        int event = setup.input(NodeTypes.EVENT_NAME);
        int namespace = setup.input(NodeTypes.NAMESPACE);
        return runThenFire(node -> {
            String ns = NamespaceName.check(node.string(namespace));
            c.subscribe(ns, EventName.check(node.string(event), ns));
        }, setup.output("out"));
    }

    static NodeBehaviour unsubscribe(NodeSetup setup) {
        Connection c = connection(setup);
        int event = setup.input(NodeTypes.EVENT_NAME);
        int namespace = setup.input(NodeTypes.NAMESPACE);
        return runThenFire(node -> {
            String ns = NamespaceName.check(node.string(namespace));
            c.unsubscribe(ns, EventName.check(node.string(event), ns));
        }, setup.output("out"));
    }

    static NodeBehaviour send(NodeSetup setup) {
        Connection c = connection(setup);
        Emit emit = new Emit(setup);
        return runThenFire(node -> {
            String ns = emit.namespace(node);
            c.send(ns, emit.event(node, ns), emit.arguments(node, ns));
        }, setup.output("out"));
    }

    static NodeBehaviour sendWithAck(NodeSetup setup) {
        Connection c = connection(setup);
        Connections run = setup.pluginRun(ConnectionsRun.class).connections();
        Emit emit = new Emit(setup);
        int timeout = setup.input("timeout");
        int out = setup.output("out");
        int onReply = setup.output("onReply");
        int reply = setup.output("reply");
        return runThenFire(node -> {
            String ns = emit.namespace(node);
            String event = emit.event(node, ns);
            Object[] args = emit.arguments(node, ns);
            double ms = node.number(timeout);
            long millis = Double.isFinite(ms) && ms > 0 ? (long) Math.ceil(ms) : 0;
            // The reply continues the graph in this node's scope (timers after it end with the scene);
            // a reply to a scene that was left has nobody to go to and is dropped.
            Executor inScope = node.answerLater();
            c.sendWithAck(ns, event, args, millis, text -> inScope.execute(() -> {
                node.output(reply, text);
                node.fire(onReply);
            }));
        }, out);
    }

    /** Reads the inputs shared by Send and Send With Ack. */
    private static final class Emit {
        final int event;
        final int namespace;
        final EmitArguments.Reader arguments;

        Emit(NodeSetup setup) {
            event = setup.input(NodeTypes.EVENT_NAME);
            namespace = setup.input(NodeTypes.NAMESPACE);
            arguments = EmitArguments.reader(setup, setup.attributes().string(NodeTypes.MESSAGE_FORMAT));
        }

        String namespace(NodeContext node) {
            return NamespaceName.check(node.string(namespace));
        }

        String event(NodeContext node, String ns) {
            return EventName.check(node.string(event), ns);
        }

        Object[] arguments(NodeContext node, String ns) {
            try {
                return arguments.read(node);
            } catch (IllegalArgumentException e) {
                throw new NodeError(NodeReason.INVALID_MESSAGE, ns, e.getMessage());
            }
        }
    }

    private static Connection connection(NodeSetup setup) {
        String name = setup.attributes().string(NodeTypes.CONFIGURATION);
        Connection c = setup.pluginRun(ConnectionsRun.class).connections().connection(name);
        if (c == null) {
            throw new IllegalStateException("unknown connection '" + name + "'");
        }
        return c;
    }
}
