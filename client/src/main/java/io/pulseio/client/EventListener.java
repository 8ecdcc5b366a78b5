package io.pulseio.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Receives one named event of one {@link Socket}; see {@link Socket#on}.
 *
 * <p>Called on the client's callback executor ({@link ClientOptions#callbackExecutor()}), one call
 * at a time per client when that executor is serial (the default is the connection's event loop:
 * do not block it). An exception thrown by a listener is logged and does not affect the
 * connection or other listeners.
 */
@FunctionalInterface
public interface EventListener {
    /**
     * @param args the event's arguments without the event name, and without the connection state
     *     recovery offset (see {@link Socket#lastOffset()}); never null, unmodifiable. Binary
     *     arguments are Jackson {@code BinaryNode}s ({@code node.binaryValue()}), wherever they are
     * @param ack the acknowledgement the server asked for, or null when it asked none
     */
    void onEvent(List<JsonNode> args, Ack ack);
}
