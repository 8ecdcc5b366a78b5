package io.pulseio.server;

import java.util.Map;

/**
 * One Engine.IO session on the server: a message pipe that survives transport upgrades.
 *
 * <p>Each session lives on one event loop thread; its {@link Listener} is called there, one call
 * at a time, and never after {@link Listener#onClose}. The methods here may be called from any
 * thread: writes made on other threads are handed over to the session's thread in order.
 */
public interface EngineSocket {
    /** The session id (20 characters of URL-safe base64). */
    String id();

    /** The transport in use now. */
    Transport transport();

    /** The query parameters of the request that opened the session (first value of each). */
    Map<String, String> query();

    /** The headers of the request that opened the session, names in lower case. */
    Map<String, String> headers();

    /** The peer's address as {@code host:port}. */
    String remoteAddress();

    /** True when the session came over TLS. */
    boolean secure();

    /** True until the session is closed. */
    boolean isOpen();

    /** Sends a text message. */
    void send(String text);

    /** Sends a binary message (the array is not copied: do not change it afterwards). */
    void send(byte[] data);

    /** Closes the session after what was sent so far ({@link DisconnectReason#FORCED_CLOSE}). */
    void close();

    /** Replaces the listener (there is one per session). */
    void listen(Listener listener);

    /** Receives what happens to one session, on the session's thread. */
    interface Listener {
        default void onMessage(String text) {}

        default void onBinary(byte[] data) {}

        /** The session switched from HTTP long-polling to WebSocket. */
        default void onUpgrade() {}

        /** Called once, last. */
        default void onClose(DisconnectReason reason) {}
    }
}
