package io.pulseio.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * A snapshot of a socket that may be connected to any server of the cluster, as
 * {@link BroadcastOperator#fetchSockets} returns it. To act on it, target its id as a room:
 * {@code nsp.to(s.id()).emit(...)}, {@code nsp.in(s.id()).socketsJoin(...)},
 * {@code nsp.in(s.id()).disconnectSockets(false)}.
 *
 * @param id the socket id
 * @param handshake what it presented when it connected (for a socket of a Node.js server: its
 *     handshake converted; headers with several values are joined with {@code ", "})
 * @param rooms its rooms, its own id included
 * @param data its {@link ServerSocket#data()} (an object for a pulseio socket; whatever a Node.js
 *     server put in {@code socket.data} for one of theirs)
 */
public record RemoteSocket(String id, SocketHandshake handshake, Set<String> rooms, JsonNode data) {
    public RemoteSocket {
        rooms = Set.copyOf(rooms);
    }
}
