package io.pulseio.client.internal.engine;

import io.pulseio.protocol.EnginePacket;
import java.util.Queue;

/**
 * One way of carrying Engine.IO packets (HTTP long-polling or WebSocket), owned by an
 * {@link EngineSession} and confined to its event loop. A transport never decides the fate of the
 * session: it reports what happened to its {@link Listener} and the session decides.
 */
interface Transport {
    /** What a transport reports to its session, on the session's event loop. */
    interface Listener {
        /** The connection is up (WebSocket: handshake done); a probe may now be sent. */
        void onConnected(Transport transport);

        /** A packet arrived, in order. */
        void onPacket(Transport transport, EnginePacket packet);

        /** Everything given to {@link #write} has been sent; more may be written now. */
        void onDrain(Transport transport);

        /**
         * The transport died; nothing more is reported after this.
         *
         * @param reason {@code "transport error"}, {@code "transport close"} or {@code "parse error"}
         */
        void onFailure(Transport transport, String reason, Throwable cause);
    }

    /** {@code "polling"} or {@code "websocket"}. */
    String name();

    /** Connects (and, for polling, sends the first GET). */
    void open();

    /** Tells the transport the session id once the handshake has arrived. */
    void sid(String sid);

    /** True when {@link #write} would send now. */
    boolean writable();

    /**
     * Takes packets from the head of {@code buffer} and sends them (polling: as many as fit in one
     * POST of at most {@code maxPayload} bytes; WebSocket: as many as the socket accepts).
     */
    void write(Queue<EnginePacket> buffer, long maxPayload);

    /**
     * True when everything written so far has left, so that a packet written now goes out apart
     * from it (polling: always, as {@link #writable} already waits for the previous POST's answer;
     * WebSocket: the last write has been flushed to the socket and one more loop turn has passed).
     * Otherwise false, and {@code task} runs once that is so (only the latest task is kept).
     */
    default boolean settled(Runnable task) {
        return true;
    }

    /**
     * The session is closing: start no new read and drop, quietly, whatever the read in flight
     * brings (polling: no GET after this; its answer or failure is ignored). Writes go on until
     * {@link #close}.
     */
    default void closing() {}

    /** Stops reading and closes every connection, without telling the listener. */
    void close();
}
