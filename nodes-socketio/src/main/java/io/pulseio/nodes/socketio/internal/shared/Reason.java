package io.pulseio.nodes.socketio.internal.shared;

/**
 * A value of a {@code reason} pin of an error listener: one of the closed sets {@link NodeReason} (both
 * sides), {@code ConnectionReason} (the client nodes) and {@code ServerReason} (the server nodes). The
 * pins carry {@link #wireName()}, the exact text listed in {@code docs/socketio-nodes.md}.
 */
public interface Reason {
    /** The reason as the pins, traces and logs spell it, e.g. {@code "ack timeout"}. */
    String wireName();
}
