package io.pulseio.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Receives every event of one {@link ServerSocket}, with its name; threading as {@link EventListener}. */
@FunctionalInterface
public interface AnyEventListener {
    void onEvent(String event, List<JsonNode> args, Ack ack);
}
