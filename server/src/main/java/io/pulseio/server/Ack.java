package io.pulseio.server;

/**
 * The answer to an event for which the client asked an acknowledgement.
 *
 * <p>Call {@link #send} once, from any thread; later calls do nothing. The answer is dropped when
 * the socket is no longer connected.
 */
public interface Ack {
    /**
     * Sends the acknowledgement (BINARY_ACK when the arguments hold {@code byte[]}).
     *
     * @param args Jackson {@code JsonNode}s, {@code byte[]}, or values Jackson can convert
     * @throws IllegalArgumentException when an argument cannot be converted to JSON
     */
    void send(Object... args);

    /** True once {@link #send} was called. */
    boolean sent();
}
