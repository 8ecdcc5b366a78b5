package io.pulseio.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One client's answer to a broadcast with acknowledgements.
 *
 * @param socketId the answering socket, or null when it is connected to another server of the
 *     cluster (the Node.js adapters send no id)
 * @param args its arguments (from another server: the first one only)
 */
public record AckReply(String socketId, List<JsonNode> args) {
    public AckReply {
        args = List.copyOf(args);
    }
}
