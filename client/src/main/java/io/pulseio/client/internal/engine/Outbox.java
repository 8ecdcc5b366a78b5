package io.pulseio.client.internal.engine;

import io.netty.channel.EventLoop;
import io.netty.util.internal.PlatformDependent;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.protocol.EnginePacketType;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A session's outgoing packets, and how they are cut into writes.
 *
 * <p>Packets go into one multi-producer queue and a flush of the session is scheduled on its event
 * loop at most once per loop turn, so packets given in a burst leave in one POST or one socket
 * flush. A packet queued apart (a namespace DISCONNECT, the final CLOSE) starts a write of its own
 * once the previous one has left (see {@link Transport#settled}).
 *
 * <p>{@link #send} and {@link #sendApart} may be called from any thread; {@link #isEmpty} too,
 * as a hint. Everything else runs on the session's event loop.
 */
final class Outbox {
    /** In {@link #buffer}: the packet after this marker is to be sent apart (compared by identity). */
    private static final EnginePacket APART = new EnginePacket(EnginePacketType.NOOP, "", null);

    private final EventLoop loop;
    /** The session's flush: runs once per scheduled turn, and when a transport has settled. */
    private final Runnable flush;

    private final Queue<EnginePacket> buffer = PlatformDependent.newMpscQueue();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final Runnable flushTask = this::flushFromTask;
    /** Packets taken from {@link #buffer} for the current write, not yet all taken by the transport. */
    private final ArrayDeque<EnginePacket> batch = new ArrayDeque<>();
    /** The head of {@link #buffer} is to be sent apart (its marker already taken). */
    private boolean apartHead;

    Outbox(EventLoop loop, Runnable flush) {
        this.loop = loop;
        this.flush = flush;
    }

    /** Queues {@code packet} and schedules a flush. Any thread. */
    void send(EnginePacket packet) {
        buffer.offer(packet);
        scheduleFlush();
    }

    /**
     * Queues {@code packet} to be sent apart and schedules a flush. Any thread. The marker and the
     * packet are offered separately: all packets are given on the loop (the Manager's tasks), so
     * nothing comes between them; were another thread to slip one in, the apart packet would merely
     * share that packet's write.
     */
    void sendApart(EnginePacket packet) {
        queueApart(packet);
        scheduleFlush();
    }

    /** Queues {@code packet} to be sent apart without scheduling a flush (the caller flushes). */
    void queueApart(EnginePacket packet) {
        buffer.offer(APART);
        buffer.offer(packet);
    }

    /** True when nothing is queued or left over from the last write. */
    boolean isEmpty() {
        return buffer.isEmpty() && batch.isEmpty();
    }

    /** Writes to {@code t} for as long as it is writable and has something to take. */
    void writeTo(Transport t, long maxPayload) {
        while (t.writable() && fillBatch(t)) {
            int before = batch.size();
            t.write(batch, maxPayload);
            if (batch.size() == before) {
                break;
            }
        }
    }

    /** Drops everything queued (the session is over). */
    void clear() {
        buffer.clear();
        batch.clear();
        apartHead = false;
    }

    private void scheduleFlush() {
        if (flushScheduled.compareAndSet(false, true)) {
            try {
                loop.execute(flushTask);
            } catch (RejectedExecutionException e) {
                buffer.clear(); // the loop is gone, and the session with it
            }
        }
    }

    private void flushFromTask() {
        flushScheduled.set(false);
        flush.run();
    }

    /**
     * Moves the next write's packets from {@link #buffer} to {@link #batch}: everything up to the
     * next packet to send apart, which is taken only when the batch holds nothing but such packets
     * (a DISCONNECT may share its write with the DISCONNECTs right before it) and, when it opens the
     * batch, only once the transport has {@linkplain Transport#settled settled}. True when the batch
     * holds something to write.
     */
    private boolean fillBatch(Transport t) {
        if (!batch.isEmpty()) {
            return true;
        }
        boolean onlyApart = true;
        EnginePacket p;
        while ((p = buffer.peek()) != null) {
            if (p == APART) {
                buffer.poll();
                apartHead = true;
                continue;
            }
            if (apartHead) {
                if (!onlyApart || (batch.isEmpty() && !t.settled(flush))) {
                    break;
                }
                apartHead = false;
            } else {
                onlyApart = false;
            }
            batch.add(buffer.poll());
        }
        return !batch.isEmpty();
    }
}
