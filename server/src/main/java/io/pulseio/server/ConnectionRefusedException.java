package io.pulseio.server;

import com.fasterxml.jackson.databind.JsonNode;

/** A middleware's refusal: sent to the client as CONNECT_ERROR {@code {"message", "data"?}}. */
public final class ConnectionRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient JsonNode data;

    public ConnectionRefusedException(String message) {
        this(message, null);
    }

    /** @param data extra detail for the client (any JSON), or null */
    public ConnectionRefusedException(String message, JsonNode data) {
        super(message, null, false, false);
        this.data = data;
    }

    /** The extra detail, or null. */
    public JsonNode data() {
        return data;
    }
}
