package io.pulseio.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Receives one named event of one {@link ServerSocket}; see {@link ServerSocket#on}.
 *
 * <p>Called on the socket's event loop thread, one call at a time per connection: do not block
 * it. An exception thrown here is logged and affects neither the connection nor other listeners.
 */
@FunctionalInterface
public interface EventListener {
    /**
     * @param args the arguments after the event name, unmodifiable; binary arguments are Jackson
     *     {@code BinaryNode}s
     * @param ack the acknowledgement the client asked for, or null when it asked none
     */
    void onEvent(List<JsonNode> args, Ack ack);
}
