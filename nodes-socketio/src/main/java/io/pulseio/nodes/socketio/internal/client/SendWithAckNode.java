package io.pulseio.nodes.socketio.internal.client;

import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.GRAPHS;
import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.runThenFire;

import io.pulseio.client.AckTimeoutException;
import io.pulseio.client.SendBufferFullException;
import io.pulseio.logic.model.PinType;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Socket.IO Send With Ack ({@code socketio.sendWithAck}) emits like Send and asks for an acknowledgement:
 * {@code onReply} fires with the reply, in the node's scope; no reply is an On Socket.IO Error
 * ({@code ack timeout}, {@code send buffer full} or {@code ack lost}: {@link #failed}).
 */
final class SendWithAckNode {
    static final String ID = "socketio.sendWithAck";

    private SendWithAckNode() {}

    static NodeType sendWithAck() {
        return EmitArguments.type(
                SendNode.emitting(ClientNodes.action(ID, "Socket.IO Send With Ack", GRAPHS))
                        .description("Emits like Send, asking for an acknowledgement: onReply fires with the "
                                + "reply; no reply in time is an On Socket.IO Error (reason \"ack timeout\").")
                        .input(PinSpec.optional("timeout", PinType.NUMBER, 0.0)
                                .describedAs("ms to wait for the reply; 0 = the connection's ackTimeout"))
                        .output(PinSpec.pulse("onReply").describedAs("the acknowledgement arrived"))
                        .output(PinSpec.optional("reply", PinType.STRING, "")
                                .describedAs("the acknowledgement's arguments as text"))
                        .build(),
                SendWithAckNode::behaviour);
    }

    private static NodeBehaviour behaviour(NodeSetup setup) {
        Connection c = ClientNodes.connection(setup);
        SendNode.Inputs emit = new SendNode.Inputs(setup);
        int timeout = setup.input("timeout");
        int out = setup.output("out");
        int onReply = setup.output("onReply");
        int reply = setup.output("reply");
        return runThenFire(
                node -> {
                    String ns = emit.namespace(node);
                    String event = emit.event(node, ns);
                    Object[] args = emit.arguments(node, ns);
                    double ms = node.number(timeout);
                    long millis = Double.isFinite(ms) && ms > 0 ? (long) Math.ceil(ms) : 0;
                    // The reply continues the graph in this node's scope (timers after it end with the scene);
                    // a reply to a scene that was left has nobody to go to and is dropped.
                    Executor inScope = node.answerLater();
                    c.sendWithAck(
                            ns,
                            event,
                            args,
                            millis,
                            text -> inScope.execute(() -> {
                                node.output(reply, text);
                                node.fire(onReply);
                            }),
                            (waited, failure) -> failed(c.listeners(), ns, event, waited, failure));
                },
                out);
    }

    /** No answer came: timed out, not sent (buffer full), or lost. On the logic thread. */
    static void failed(ConnectionListeners listeners, String namespace, String event, long timeout, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof AckTimeoutException) {
            listeners.error(
                    namespace,
                    "no ack for '" + event + "' within " + timeout + " ms",
                    ConnectionReason.ACK_TIMEOUT,
                    true);
        } else if (cause instanceof SendBufferFullException) {
            listeners.error(
                    namespace,
                    "event '" + event + "' not sent: " + cause.getMessage(),
                    ConnectionReason.SEND_BUFFER_FULL,
                    true);
        } else {
            listeners.error(
                    namespace, "no ack for '" + event + "': " + cause.getMessage(), ConnectionReason.ACK_LOST, true);
        }
    }
}
