package io.pulseio.server.internal.engine;

import io.netty.channel.Channel;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.server.Transport;
import java.util.Queue;

/**
 * How one session's packets reach its client: HTTP long-polling ({@link PollingTransport}) or a
 * WebSocket ({@link WebSocketTransport}). A session has one current transport; its {@link Outbox}
 * writes to it, and an {@link Upgrade} replaces a polling transport with a WebSocket one.
 *
 * <p><b>Threads.</b> Made, used and ended on the session's event loop only; {@link #kind} (fixed
 * at construction) may be read from any thread.
 *
 * <p><b>Nulls.</b> No parameter or result is null.
 *
 * <p><b>Lifecycle.</b> A polling transport carries packets from its construction (the handshake
 * answered its first GET). A WebSocket transport is made when the session's WebSocket handshake
 * request arrives and carries packets once {@linkplain WebSocketTransport#open opened} (the
 * handshake's reply written); until then it writes nothing, reads nothing and counts no bytes.
 * A transport ends once: by {@link #close} when its session ends, or by {@link #replaced} when an
 * upgrade moves the session to another transport. What it reads goes to its session, which also
 * decides the session's end; a polling transport ends the session itself on the client's protocol
 * errors (a second GET, a bad payload, a dropped GET) and once it has answered a poll with CLOSE.
 */
interface SessionTransport {
    /** Which transport this is, as {@code EngineSocket.transport()} reports it. */
    Transport kind();

    /**
     * An HTTP request (not a WebSocket handshake) naming this transport, once the session has
     * checked it: polling reads a GET (held until there is something to answer) or a POST (the
     * client's packets); a WebSocket session refuses it with a 400.
     */
    void onRequest(Exchange ex);

    /** True when the frames of {@code channel} are this transport's: its own channel, once open. */
    boolean carries(Channel channel);

    /**
     * True when a packet queued now should be written at once rather than in the next loop turn:
     * an open WebSocket with no write in flight. Polling never: packets queued in one loop turn are
     * joined into one answer.
     */
    boolean sendsAtOnce();

    /**
     * True when a packet queued now goes to the client at once (volatile packets are sent only
     * then, and a ping that goes at once gives its pong the whole timeout): polling when a GET is
     * held (whatever is queued goes in the same answer); a WebSocket when it is open, no write is
     * in flight, the socket is writable and {@code nothingQueued}.
     */
    boolean writableNow(boolean nothingQueued);

    /**
     * Writes and empties {@code queue} (not empty) and returns true; or leaves it and returns false
     * when it cannot be written now. Polling: answers the held GET with the queue as one payload
     * (false without a held GET), and ends the session when the payload ends with CLOSE. WebSocket:
     * one frame a packet as one batch (false when not open, or while a batch is in flight unless
     * {@code force}); the next batch waits until this one is written, plus {@code holdMicros}.
     */
    boolean write(Queue<EnginePacket> queue, long holdMicros, boolean force);

    /** Bytes written to the connection and not yet handed to the operating system (polling: 0). */
    long pendingBytes();

    /** True while a polling GET is held open; never for a WebSocket. */
    boolean holdsRequest();

    /**
     * An upgrade away from this transport had its probe answered: polling ends a held GET with a
     * noop soon, so that the client can finish the upgrade. Only polling is ever upgraded.
     */
    default void probeAnswered() {}

    /**
     * The session moved to another transport: polling refuses a held GET with a 400, as the
     * Node.js server does. Only polling is ever replaced.
     */
    default void replaced() {}

    /**
     * Ends the transport as its session ends. Polling answers a held GET: with a noop when {@code
     * closedByClient} (the client's CLOSE came in a POST), else with CLOSE. A WebSocket sends a
     * close frame, then closes the connection; at once, dropping what is still queued on it, when
     * {@code abort} (its session went over {@code maxOutboundBufferSize}).
     */
    void close(boolean closedByClient, boolean abort);
}
