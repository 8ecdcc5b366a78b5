package io.pulseio.client;

/**
 * The answer to an event for which the server asked an acknowledgement.
 *
 * <p>Listeners receive one when the server asked for an ack, and null otherwise. Call
 * {@link #send} once, from any thread; later calls do nothing (as in Socket.IO). The answer is
 * dropped when the socket is no longer connected: the server forgets its pending acks when the
 * connection ends.
 */
public interface Ack {
    /**
     * Sends the acknowledgement (an ACK packet, or BINARY_ACK when the arguments hold {@code byte[]}).
     *
     * @param args any JSON-able values: Jackson {@code JsonNode}s, {@code byte[]}, or objects the
     *     Jackson mapper can convert (records, maps, lists, strings, numbers, null); converted on the
     *     calling thread
     * @throws IllegalArgumentException when an argument cannot be converted to JSON
     */
    void send(Object... args);

    /** True once {@link #send} was called. */
    boolean sent();
}
