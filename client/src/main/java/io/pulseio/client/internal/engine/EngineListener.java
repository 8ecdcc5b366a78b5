package io.pulseio.client.internal.engine;

import io.pulseio.protocol.EnginePacket;
import io.pulseio.protocol.Handshake;

/**
 * What an {@link Engine} tells its owner (the Manager). Every method is called on the engine's
 * event loop, in order; after {@link #onClose} nothing else is called.
 */
public interface EngineListener {
    /** The handshake arrived: the session is open and {@link Engine#send} may be used. */
    void onOpen(Handshake handshake);

    /** A MESSAGE packet arrived (text or binary), in the order the server sent it. */
    void onMessage(EnginePacket packet);

    /**
     * The session ended, or could not be opened. Terminal.
     *
     * @param reason Socket.IO's wording: {@code "transport close"} (the connection closed, or the
     *     server sent CLOSE: engine.io-client reports that as the transport closing, and Socket.IO
     *     surfaces it as {@code "transport close"}), {@code "transport error"} (connection failure,
     *     HTTP error status, handshake timeout), {@code "ping timeout"}, {@code "parse error"}
     *     (malformed packet or payload), {@code "forced close"} (closed by {@link Engine#close})
     * @param cause the underlying failure, or null
     */
    void onClose(String reason, Throwable cause);

    /** The transport changed (e.g. "polling" to "websocket" after a successful upgrade). */
    default void onTransport(String name) {}
}
