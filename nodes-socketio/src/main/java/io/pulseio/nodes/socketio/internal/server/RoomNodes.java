package io.pulseio.nodes.socketio.internal.server;

import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.EVERYWHERE;
import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.runThenFire;

import io.pulseio.logic.model.PinType;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;

/**
 * A client's rooms: Socket.IO Join Room ({@code socketio.joinRoom}) puts it in a room of its namespace,
 * Socket.IO Leave Room ({@code socketio.leaveRoom}) takes it out.
 */
final class RoomNodes {
    static final String JOIN_ROOM = "socketio.joinRoom";
    static final String LEAVE_ROOM = "socketio.leaveRoom";

    /** What a room node does with its server. */
    @FunctionalInterface
    private interface RoomWork {
        void run(HostedServer server, String clientId, String room);
    }

    private RoomNodes() {}

    static NodeType joinRoom() {
        return NodeType.of(
                room(ServerNodes.action(JOIN_ROOM, "Socket.IO Join Room", EVERYWHERE))
                        .description("Puts the client in the room (of its namespace).")
                        .build(),
                setup -> behaviour(setup, HostedServer::join));
    }

    static NodeType leaveRoom() {
        return NodeType.of(
                room(ServerNodes.action(LEAVE_ROOM, "Socket.IO Leave Room", EVERYWHERE))
                        .description("Takes the client out of the room (nothing when it is not in it).")
                        .build(),
                setup -> behaviour(setup, HostedServer::leave));
    }

    private static NodeDescriptor.Builder room(NodeDescriptor.Builder b) {
        return ServerNodes.client(b)
                .input(PinSpec.required("room", PinType.STRING).describedAs("the room's name"));
    }

    private static NodeBehaviour behaviour(NodeSetup setup, RoomWork work) {
        HostedServer s = ServerNodes.server(setup);
        int client = setup.input("clientId");
        int room = setup.input("room");
        return runThenFire(
                node -> work.run(s, node.string(client), ServerNodes.nonEmpty(node.string(room), "room", "")),
                setup.output("out"));
    }
}
