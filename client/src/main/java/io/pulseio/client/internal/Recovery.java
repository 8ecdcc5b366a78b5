package io.pulseio.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.Json;
import io.pulseio.protocol.SocketPacket;

/**
 * Connection state recovery for one socket: the private session id ({@code pid}) of the server's
 * CONNECT answer, the offset of the last event received, and whether the last join restored the
 * session. Written on the event loop; the offset and the flag may be read from any thread.
 */
final class Recovery {
    private String pid;
    private volatile String lastOffset;
    private volatile boolean recovered;

    /** The offset of the last event that carried one, or null. */
    String lastOffset() {
        return lastOffset;
    }

    /** Whether the last join restored the previous session. */
    boolean recovered() {
        return recovered;
    }

    /** The auth of a CONNECT: {@code {pid, offset}} and then {@code auth}'s fields once there is a session. */
    ObjectNode connectAuth(ObjectNode auth) {
        if (pid == null) {
            return auth;
        }
        ObjectNode withSession = Json.MAPPER.createObjectNode();
        withSession.put("pid", pid);
        if (lastOffset != null) {
            withSession.put("offset", lastOffset);
        }
        if (auth != null) {
            withSession.setAll(auth);
        }
        return withSession;
    }

    /** The server's CONNECT answer: a {@code pid} equal to ours means the session was restored. */
    void onConnect(JsonNode data) {
        JsonNode pidNode = data.get("pid");
        String newPid = pidNode != null && pidNode.isTextual() ? pidNode.textValue() : null;
        recovered = newPid != null && newPid.equals(pid);
        pid = newPid;
    }

    /**
     * Where an event's own arguments end in its data array: a server with recovery on appends an
     * offset (a string) to each event without an ack; it is remembered here and left out.
     */
    int argumentsEnd(SocketPacket event) {
        JsonNode data = event.data();
        int end = data.size();
        if (pid != null && !event.hasAckId() && end > 1 && data.get(end - 1).isTextual()) {
            lastOffset = data.get(end - 1).textValue();
            end--;
        }
        return end;
    }
}
