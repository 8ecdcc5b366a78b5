package io.pulseio.nodes.socketio.internal.client;

import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.EVERYWHERE;
import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.GRAPHS;
import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.listenerType;
import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.text;

import io.pulseio.logic.spi.AttributeSpec;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.PinType;
import io.pulseio.logic.spi.Scope;
import io.pulseio.nodes.socketio.internal.shared.NodeShapes;
import java.util.List;

/** The descriptors of the Socket.IO node types (ids and pins as in the spec) and their behaviours. */
public final class NodeTypes {
    public static final String START = "socketio.start";
    public static final String STOP = "socketio.stop";
    public static final String SEND = "socketio.send";
    public static final String SEND_WITH_ACK = "socketio.sendWithAck";
    public static final String SUBSCRIBE = "socketio.subscribe";
    public static final String UNSUBSCRIBE = "socketio.unsubscribe";
    public static final String ON_START = "socketio.onStart";
    public static final String ON_STOP = "socketio.onStop";
    public static final String ON_RECEIVE = "socketio.onReceive";
    public static final String ON_ERROR = "socketio.onError";
    public static final String ON_SUBSCRIBE = "socketio.onSubscribe";
    public static final String ON_UNSUBSCRIBE = "socketio.onUnsubscribe";

    /** Attribute of every node: the connection's name. */
    public static final String CONFIGURATION = "configuration";
    /** Send's attribute: {@code text} or {@code json}. */
    public static final String MESSAGE_FORMAT = "messageFormat";
    /** Filter attributes of On Receive, and the names of the matching pins elsewhere. */
    public static final String EVENT_NAME = "eventName";
    public static final String NAMESPACE = "namespace";

    private static final String CATEGORY = "Socket.IO";

    private NodeTypes() {
    }

    /** Every node type, actions first. */
    public static List<NodeType> all() {
        return List.of(
                NodeType.of(action(START, "Socket.IO Start", GRAPHS)
                        .description("Opens the connection and joins namespace /; started (and On Socket.IO "
                                + "Start) fires once connected. Does nothing when already started.")
                        .output(PinSpec.pulse("started").describedAs("the connection is established (at once "
                                + "when it already is); once per Start"))
                        .build(), Actions::start),
                NodeType.of(action(STOP, "Socket.IO Stop", GRAPHS)
                        .description("Closes the connection (every namespace) without reconnecting; stopped (and "
                                + "On Socket.IO Stop) fires once closed. Does nothing when stopped.")
                        .output(PinSpec.pulse("stopped").describedAs("the connection is closed (at once when it "
                                + "was not established); once per Stop"))
                        .output(text("reason", "why it closed, as On Socket.IO Stop's reason"))
                        .build(), Actions::stop),
                EmitArguments.type(message(action(SEND, "Socket.IO Send", EVERYWHERE))
                        .description("Emits the event with the message in the namespace (joined first if "
                                + "needed; buffered while connecting).")
                        .build(), Actions::send),
                EmitArguments.type(message(action(SEND_WITH_ACK, "Socket.IO Send With Ack", GRAPHS))
                        .description("Emits like Send, asking for an acknowledgement: onReply fires with the "
                                + "reply; no reply in time is an On Socket.IO Error (reason \"ack timeout\").")
                        .input(PinSpec.optional("timeout", PinType.NUMBER, 0.0)
                                .describedAs("ms to wait for the reply; 0 = the connection's ackTimeout"))
                        .output(PinSpec.pulse("onReply").describedAs("the acknowledgement arrived"))
                        .output(PinSpec.optional("reply", PinType.STRING, "")
                                .describedAs("the acknowledgement's arguments as text"))
                        .build(), Actions::sendWithAck),
                NodeType.of(event(action(SUBSCRIBE, "Socket.IO Subscribe", EVERYWHERE))
                        .description("Listens to the event in the namespace; each one fires On Socket.IO "
                                + "Receive. On Socket.IO Subscribe fires once joined.")
                        .build(), Actions::subscribe),
                NodeType.of(event(action(UNSUBSCRIBE, "Socket.IO Unsubscribe", GRAPHS))
                        .description("Stops listening to the event in the namespace; a namespace other than / "
                                + "with no subscription left is left.")
                        .build(), Actions::unsubscribe),
                listenerType(listenerBase(ON_START, "On Socket.IO Start")
                        .description("Fires when the connection is established, after Start and after every "
                                + "reconnection.")),
                listenerType(listenerBase(ON_STOP, "On Socket.IO Stop")
                        .description("Fires when an established connection ended: by Stop, by the server or a "
                                + "lost transport.")
                        .output(text("reason", "why: io client disconnect, io server disconnect, transport "
                                + "close, ping timeout, transport error, parse error"))),
                listenerType(listenerBase(ON_RECEIVE, "On Socket.IO Receive")
                        .description("Fires for each subscribed event that arrives (optionally only for one event "
                                + "name and/or namespace).")
                        .attribute(AttributeSpec.optional(EVENT_NAME, PinType.STRING, "",
                                "only this event; empty or * = any"))
                        .attribute(AttributeSpec.optional(NAMESPACE, PinType.STRING, "",
                                "only this namespace; empty = any"))
                        .attribute(AttributeSpec.optional(AutoSubscriptions.SUBSCRIBE, PinType.BOOLEAN, false,
                                "true: subscribes to eventName (empty: every event, *) in namespace (empty: /) "
                                        + "each time the connection starts"))
                        .output(text("namespace", "the event's namespace"))
                        .output(text("triggerName", "the event's name"))
                        .output(text("message", "the event's arguments as text"))),
                listenerType(listenerBase(ON_ERROR, "On Socket.IO Error")
                        .description("Fires when anything goes wrong on the connection or in one of its nodes.")
                        .output(text("namespace", "the namespace concerned"))
                        .output(text("message", "what went wrong"))
                        .output(text("reason", "a short fixed reason, e.g. \"not started\", \"ack timeout\""))),
                listenerType(listenerBase(ON_SUBSCRIBE, "On Socket.IO Subscribe")
                        .description("Fires when a Subscribe took effect (its namespace is joined).")
                        .output(text("namespace", "the subscription's namespace"))
                        .output(text("eventName", "the subscribed event"))),
                listenerType(listenerBase(ON_UNSUBSCRIBE, "On Socket.IO Unsubscribe")
                        .description("Fires when an Unsubscribe took effect.")
                        .output(text("namespace", "the subscription's namespace"))
                        .output(text("eventName", "the event no longer listened to"))));
    }

    private static AttributeSpec configuration() {
        return AttributeSpec.optional(CONFIGURATION, PinType.STRING, "",
                "name of a connection in settings.socketio; may be omitted when there is exactly one");
    }

    private static NodeDescriptor.Builder action(String id, String name, Scope... scopes) {
        return NodeShapes.action(CATEGORY, configuration(), id, name, scopes);
    }

    private static NodeDescriptor.Builder event(NodeDescriptor.Builder b) {
        return b.input(PinSpec.required(EVENT_NAME, PinType.STRING).describedAs("the event's name"))
                .input(PinSpec.optional(NAMESPACE, PinType.STRING, "/").describedAs("e.g. / or /chat"));
    }

    private static NodeDescriptor.Builder message(NodeDescriptor.Builder b) {
        return event(b)
                .attribute(NodeShapes.messageFormat(MESSAGE_FORMAT))
                .attribute(EmitArguments.attribute())
                .input(PinSpec.optional("message", PinType.STRING, "").describedAs("the event's argument"));
    }

    private static NodeDescriptor.Builder listenerBase(String id, String name) {
        return NodeShapes.listener(CATEGORY, configuration(), id, name);
    }
}
