package io.pulseio.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Receives every event of a {@link Socket}, incoming ({@link Socket#onAny}) or outgoing
 * ({@link Socket#onAnyOutgoing}). Same threading and error rules as {@link EventListener}.
 */
@FunctionalInterface
public interface AnyListener {
    /**
     * @param event the event name (a numeric name sent by a server arrives as its decimal text)
     * @param args the arguments without the event name and the recovery offset; unmodifiable
     * @param ack for incoming events, the acknowledgement the server asked for or null; always null
     *     for outgoing events. When several listeners get the same {@code Ack}, the first
     *     {@link Ack#send} wins.
     */
    void onEvent(String event, List<JsonNode> args, Ack ack);
}
