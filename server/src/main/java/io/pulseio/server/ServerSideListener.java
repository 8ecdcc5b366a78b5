package io.pulseio.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Receives the events another server of the cluster sent with
 * {@link Namespace#serverSideEmit} (Node.js: {@code io.serverSideEmit}).
 *
 * <p>Called on the adapter's thread (for the Redis adapters: its connection's I/O thread): do not
 * block it. An exception thrown here is logged and goes no further.
 */
@FunctionalInterface
public interface ServerSideListener {
    /**
     * @param event the event name
     * @param args the arguments after it, unmodifiable
     * @param ack the answer the sender waits for, or null when it asked none: call
     *     {@link Ack#send} once with one value (a Node.js sender keeps only the first)
     */
    void onEvent(String event, List<JsonNode> args, Ack ack);
}
