package io.pulseio.server.internal.engine;

import io.pulseio.protocol.EnginePacket;
import io.pulseio.server.internal.netty.ConnectionGuard;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packets waiting to go to one session's client: the buffer, its size counted against
 * {@code maxOutboundBufferSize}, and when it is flushed to the session's current
 * {@link SessionTransport} (which it asks, never knowing which transport that is). Packets queued
 * in one loop turn are flushed together in the next, except when the transport
 * {@linkplain SessionTransport#sendsAtOnce sends at once} (an idle WebSocket).
 *
 * <p>Used on the session's loop only. It does not close the session itself: going over the limit
 * is reported to {@link EngineSession#overflowed} (and a poll answered with CLOSE ends the session
 * through the polling transport).
 */
final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.server");

    private final EngineSession session;
    private final long maxQueuedBytes;
    private final ArrayDeque<EnginePacket> buffer = new ArrayDeque<>(4);
    /** Written on the loop; read also by the WebSocket's {@link ConnectionGuard} on its loop. */
    private volatile long bufferedBytes;

    private boolean overflowed;
    private boolean flushScheduled;
    private long holdMicros;
    private final Runnable flushTask = this::flush;

    /** @param maxQueuedBytes the {@code maxOutboundBufferSize} option; 0 means no limit */
    Outbox(EngineSession session, long maxQueuedBytes) {
        this.session = session;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    /** Queues a packet of an open session and arranges its flush; drops it otherwise. */
    void send(EnginePacket packet) {
        if (!session.isOpen()) {
            return;
        }
        append(packet);
        if (session.currentTransport().sendsAtOnce()) {
            // as the Node.js server does: the first packet goes at once, those that follow while it is
            // being written go together in the next write
            flush();
        } else if (!flushScheduled) {
            flushScheduled = true;
            session.loop().execute(flushTask);
        }
        checkLimit();
    }

    /**
     * Writes a packet on its own when the transport sends at once (an idle WebSocket) and nothing
     * is queued, and holds what follows for {@code micros} after it is written; otherwise queues it
     * as {@link #send} does.
     */
    void sendAlone(EnginePacket packet, long micros) {
        if (!session.isOpen()) {
            return;
        }
        if (!session.currentTransport().sendsAtOnce() || !buffer.isEmpty()) {
            send(packet);
            return;
        }
        append(packet);
        holdMicros = micros;
        flush();
    }

    /** Puts a packet before everything queued (the OPEN packet of a WebSocket session) and flushes. */
    void sendFirst(EnginePacket packet) {
        buffer.addFirst(packet);
        bufferedBytes += size(packet);
        flush();
    }

    /** Queues a packet without arranging a flush or checking the limit. */
    void append(EnginePacket packet) {
        buffer.add(packet);
        bufferedBytes += size(packet);
    }

    private static long size(EnginePacket packet) {
        return packet.isBinary() ? packet.binary().length : packet.text().length() + 1;
    }

    /**
     * True when a packet sent now would go out at once (volatile packets are sent only then); see
     * {@link SessionTransport#writableNow}.
     */
    boolean writableNow() {
        return session.currentTransport().writableNow(buffer.isEmpty());
    }

    boolean isEmpty() {
        return buffer.isEmpty();
    }

    /** True once the limit was exceeded: the connection is to be aborted, not closed politely. */
    boolean overflowed() {
        return overflowed;
    }

    /** The connection's guard found the bound exceeded (and warned): drops the queue as {@link
     *  #checkLimit} does. */
    void dropAsOverflowed() {
        overflowed = true;
        clear();
    }

    /** Drops everything queued. */
    void clear() {
        buffer.clear();
        bufferedBytes = 0;
    }

    /** The bytes of the packets in the buffer. */
    long bufferedBytes() {
        return bufferedBytes;
    }

    /**
     * Bytes queued for the client: the buffer and, on WebSocket, what its connection has not yet
     * handed to the operating system (the same sum its {@link ConnectionGuard} checks).
     */
    private long queuedBytes() {
        return bufferedBytes + session.currentTransport().pendingBytes();
    }

    /**
     * Enforces {@code maxOutboundBufferSize}: over it, the buffer is dropped and the session told,
     * which closes it in a later turn (so no listener runs inside the emit that tipped it over).
     */
    private void checkLimit() {
        if (maxQueuedBytes == 0 || overflowed) {
            return;
        }
        long queued = queuedBytes();
        if (queued <= maxQueuedBytes) {
            return;
        }
        LOG.warn(
                "session {}: {} bytes queued for the client, over maxOutboundBufferSize {}: closing"
                        + " the connection",
                session.id(),
                queued,
                maxQueuedBytes);
        overflowed = true;
        clear();
        session.overflowed();
    }

    /** Writes the buffer out, unless the transport cannot take it now (see {@link SessionTransport#write}). */
    void flush() {
        flush(false);
    }

    /** Writes the buffer out; {@code force} writes even while an earlier write is in flight. */
    void flush(boolean force) {
        flushScheduled = false;
        if (session.isClosed() || buffer.isEmpty()) {
            return;
        }
        if (session.currentTransport().write(buffer, holdMicros, force)) {
            holdMicros = 0;
            bufferedBytes = 0;
        }
    }
}
