package io.pulseio.nodes.socketio.internal.server;

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

/** The descriptors of the Socket.IO server node types and their behaviours ({@code docs/socketio-nodes.md}). */
public final class ServerNodeTypes {
    public static final String SERVER_START = "socketio.serverStart";
    public static final String SERVER_STOP = "socketio.serverStop";
    public static final String SERVER_EMIT = "socketio.serverEmit";
    public static final String SERVER_ACK = "socketio.serverAck";
    public static final String JOIN_ROOM = "socketio.joinRoom";
    public static final String LEAVE_ROOM = "socketio.leaveRoom";
    public static final String DISCONNECT_CLIENT = "socketio.disconnectClient";
    public static final String ON_SERVER_START = "socketio.onServerStart";
    public static final String ON_SERVER_STOP = "socketio.onServerStop";
    public static final String ON_CLIENT_CONNECT = "socketio.onClientConnect";
    public static final String ON_CLIENT_DISCONNECT = "socketio.onClientDisconnect";
    public static final String ON_SERVER_RECEIVE = "socketio.onServerReceive";
    public static final String ON_SERVER_ERROR = "socketio.onServerError";

    /** Attribute of every server node: the server's name in {@code settings.socketio.servers}. */
    public static final String SERVER = "server";
    /** Server Emit's attribute: to whom. */
    public static final String TARGET = "target";
    public static final String TO_NAMESPACE = "namespace";
    public static final String TO_ROOM = "room";
    public static final String TO_CLIENT = "client";
    /** Names shared with the client nodes. */
    public static final String EVENT_NAME = "eventName";
    public static final String NAMESPACE = "namespace";
    public static final String MESSAGE_FORMAT = "messageFormat";

    private static final String CATEGORY = "Socket.IO Server";

    private ServerNodeTypes() {
    }

    /** Every server node type, actions first. */
    public static List<NodeType> all() {
        return List.of(
                NodeType.of(action(SERVER_START, "Socket.IO Server Start", GRAPHS)
                        .description("Starts listening; started (and On Socket.IO Server Start) fires once bound. "
                                + "Does nothing when already started.")
                        .output(PinSpec.pulse("started").describedAs("the server listens (at once when it already "
                                + "does); once per Start"))
                        .output(PinSpec.optional("port", PinType.NUMBER, 0.0).describedAs("the port it listens on"))
                        .build(), ServerActions::start),
                NodeType.of(action(SERVER_STOP, "Socket.IO Server Stop", GRAPHS)
                        .description("Disconnects every client and stops listening; stopped (and On Socket.IO "
                                + "Server Stop) fires once closed. Does nothing when stopped.")
                        .output(PinSpec.pulse("stopped").describedAs("the server is closed (at once when it was "
                                + "not started); once per Stop"))
                        .build(), ServerActions::stop),
                NodeType.of(message(action(SERVER_EMIT, "Socket.IO Server Emit", EVERYWHERE))
                        .description("Emits the event with the message to a whole namespace, to a room of it, or "
                                + "to one client.")
                        .attribute(AttributeSpec.choice(TARGET, List.of(TO_NAMESPACE, TO_ROOM, TO_CLIENT),
                                "namespace: every client of the namespace; room: the clients in room 'to'; "
                                        + "client: the client whose id is 'to' (in its own namespace)"))
                        .input(PinSpec.required(EVENT_NAME, PinType.STRING).describedAs("the event's name"))
                        .input(PinSpec.optional(NAMESPACE, PinType.STRING, "/").describedAs("e.g. / or /chat"))
                        .input(PinSpec.optional("to", PinType.STRING, "")
                                .describedAs("the room, or the client id; unused for namespace"))
                        .build(), ServerActions::emit),
                NodeType.of(message(action(SERVER_ACK, "Socket.IO Server Answer Ack", EVERYWHERE))
                        .description("Answers the acknowledgement an event asked for (its ackId from On "
                                + "Socket.IO Server Receive); each ack is answered once.")
                        .input(PinSpec.required("ackId", PinType.STRING).describedAs("from On Socket.IO Server Receive"))
                        .build(), ServerActions::answer),
                NodeType.of(room(action(JOIN_ROOM, "Socket.IO Join Room", EVERYWHERE))
                        .description("Puts the client in the room (of its namespace).")
                        .build(), ServerActions::join),
                NodeType.of(room(action(LEAVE_ROOM, "Socket.IO Leave Room", EVERYWHERE))
                        .description("Takes the client out of the room (nothing when it is not in it).")
                        .build(), ServerActions::leave),
                NodeType.of(client(action(DISCONNECT_CLIENT, "Socket.IO Disconnect Client", EVERYWHERE))
                        .description("Disconnects the client from its namespace (reason io server disconnect on "
                                + "its side); with close, also closes its whole connection.")
                        .input(PinSpec.optional("close", PinType.BOOLEAN, false)
                                .describedAs("also close the client's underlying connection (every namespace)"))
                        .build(), ServerActions::disconnect),
                listenerType(listenerBase(ON_SERVER_START, "On Socket.IO Server Start")
                        .description("Fires once the server listens.")
                        .output(PinSpec.optional("port", PinType.NUMBER, 0.0).describedAs("the port it listens on"))),
                listenerType(listenerBase(ON_SERVER_STOP, "On Socket.IO Server Stop")
                        .description("Fires once a started server is closed.")
                        .output(text("reason", "why: server stop"))),
                listenerType(listenerBase(ON_CLIENT_CONNECT, "On Socket.IO Client Connect")
                        .description("Fires when a client joined a namespace of the server.")
                        .output(text("clientId", "the client's id (one per namespace it joined)"))
                        .output(text("namespace", "the namespace it joined"))
                        .output(text("auth", "the auth object it sent, as JSON text ({} when none)"))),
                listenerType(listenerBase(ON_CLIENT_DISCONNECT, "On Socket.IO Client Disconnect")
                        .description("Fires when a client left a namespace, or was disconnected.")
                        .output(text("clientId", "the client's id"))
                        .output(text("namespace", "the namespace it left"))
                        .output(text("reason", "Socket.IO's reason, e.g. client namespace disconnect, "
                                + "transport close, ping timeout, server shutting down"))),
                listenerType(listenerBase(ON_SERVER_RECEIVE, "On Socket.IO Server Receive")
                        .description("Fires for each event a client sends (optionally only for one event name "
                                + "and/or namespace).")
                        .attribute(AttributeSpec.optional(EVENT_NAME, PinType.STRING, "", "only this event; empty = any"))
                        .attribute(AttributeSpec.optional(NAMESPACE, PinType.STRING, "",
                                "only this namespace; empty = any"))
                        .output(text("clientId", "the sender's id"))
                        .output(text("namespace", "the event's namespace"))
                        .output(text("eventName", "the event's name"))
                        .output(text("message", "the event's arguments as text"))
                        .output(text("ackId", "for Answer Ack when the sender asked for an ack; else empty"))),
                listenerType(listenerBase(ON_SERVER_ERROR, "On Socket.IO Server Error")
                        .description("Fires when the server cannot listen or one of its nodes fails.")
                        .output(text("clientId", "the client concerned, or empty"))
                        .output(text("namespace", "the namespace concerned, or empty"))
                        .output(text("message", "what went wrong"))
                        .output(text("reason", "a short fixed reason, e.g. \"bind error\", \"unknown client\""))));
    }

    private static NodeDescriptor.Builder action(String id, String name, Scope... scopes) {
        return NodeShapes.action(CATEGORY, server(), id, name, scopes);
    }

    private static AttributeSpec server() {
        return AttributeSpec.optional(SERVER, PinType.STRING, "",
                "name of a server in settings.socketio.servers; may be omitted when there is exactly one");
    }

    private static NodeDescriptor.Builder message(NodeDescriptor.Builder b) {
        return b.attribute(NodeShapes.messageFormat())
                .input(PinSpec.optional("message", PinType.STRING, "").describedAs("the argument"));
    }

    private static NodeDescriptor.Builder client(NodeDescriptor.Builder b) {
        return b.input(PinSpec.required("clientId", PinType.STRING).describedAs("e.g. from On Client Connect"));
    }

    private static NodeDescriptor.Builder room(NodeDescriptor.Builder b) {
        return client(b).input(PinSpec.required("room", PinType.STRING).describedAs("the room's name"));
    }

    private static NodeDescriptor.Builder listenerBase(String id, String name) {
        return NodeShapes.listener(CATEGORY, server(), id, name);
    }
}
