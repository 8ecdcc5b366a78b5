package io.pulseio.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.util.collection.LongObjectHashMap;
import io.pulseio.client.AckTimeoutException;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.SendBufferFullException;
import io.pulseio.client.SocketIoException;
import io.pulseio.protocol.SocketPacket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emits of one socket on their way, confined to the event loop: the send buffer (events given
 * while not connected), the at-least-once queue (one event in flight at a time, resent until
 * acknowledged or out of tries), and the acks awaited, each with its timer.
 */
final class Emits {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.client");
    private static final String DISCONNECTED = "socket has been disconnected";

    private final ClientOptions options;
    private final ScheduledExecutorService loop;
    private final Callbacks callbacks;
    private final BooleanSupplier connected;
    private final Consumer<Outgoing> write;
    private final BiConsumer<Outgoing, SocketIoException> fail;
    private final ArrayDeque<Outgoing> sendBuffer = new ArrayDeque<>();
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private final LongObjectHashMap<Outgoing> acks = new LongObjectHashMap<>();
    /** The waiting count last told to the options' send buffer listener. */
    private int reportedWaiting;

    /**
     * @param connected whether the socket is connected now
     * @param write sends an event now and tells the outgoing listeners
     * @param fail fails an emit: through its future, or the socket's listeners
     */
    Emits(
            ClientOptions options,
            ScheduledExecutorService loop,
            Callbacks callbacks,
            BooleanSupplier connected,
            Consumer<Outgoing> write,
            BiConsumer<Outgoing, SocketIoException> fail) {
        this.options = options;
        this.loop = loop;
        this.callbacks = callbacks;
        this.connected = connected;
        this.write = write;
        this.fail = fail;
    }

    /** An emit of kind NORMAL or QUEUED reached the loop: send, buffer or queue it. */
    void add(Outgoing o) {
        addNow(o);
        reportWaiting();
    }

    private void addNow(Outgoing o) {
        boolean connected = this.connected.getAsBoolean();
        if (o.kind == Outgoing.Kind.QUEUED) {
            // The queue is the send buffer of at-least-once emits, plus the one packet in flight.
            if (queue.size() >= options.sendBufferSize() + (connected ? 1 : 0)) {
                fail.accept(o, new SendBufferFullException(options.sendBufferSize()));
                return;
            }
            queue.add(o);
            drainQueue(false);
            return;
        }
        if (o.hasAckId()) {
            acks.put(o.ackId, o);
            startTimer(o);
        }
        if (connected) {
            write.accept(o);
        } else if (sendBuffer.size() >= options.sendBufferSize()) {
            acks.remove(o.ackId);
            o.cancelTimer();
            fail.accept(o, new SendBufferFullException(options.sendBufferSize()));
        } else {
            sendBuffer.add(o);
        }
    }

    /** The socket joined its namespace: send what waited, then (again) the head of the queue. */
    void onConnected() {
        onConnectedNow();
        reportWaiting();
    }

    private void onConnectedNow() {
        Outgoing o;
        while ((o = sendBuffer.poll()) != null) {
            write.accept(o);
        }
        drainQueue(true);
    }

    /** An ACK arrived. */
    void onAck(SocketPacket packet) {
        onAckNow(packet);
        reportWaiting();
    }

    private void onAckNow(SocketPacket packet) {
        Outgoing o = acks.remove(packet.ackId());
        if (o == null) {
            LOG.debug("ack {} on {} matches no emit", packet.ackId(), packet.namespace());
            return;
        }
        o.cancelTimer();
        List<JsonNode> args = Args.view(packet.data(), 0, packet.data().size());
        if (o.kind == Outgoing.Kind.QUEUED) {
            if (queue.peek() != o) {
                return;
            }
            queue.poll();
            o.pending = false;
            if (o.future != null) {
                callbacks.complete(o.future, args);
            }
            drainQueue(false);
        } else if (o.future != null) {
            callbacks.complete(o.future, args);
        }
    }

    /** The socket lost its namespace: acks of sent emits cannot come now (buffered ones wait). */
    void onDisconnected() {
        onDisconnectedNow();
        reportWaiting();
    }

    private void onDisconnectedNow() {
        SocketIoException error = new SocketIoException(DISCONNECTED);
        for (Outgoing o : new ArrayList<>(acks.values())) {
            if (sendBuffer.contains(o)) {
                continue;
            }
            acks.remove(o.ackId);
            o.cancelTimer();
            if (o.kind == Outgoing.Kind.QUEUED) {
                onQueuedTryFailed(o, error);
            } else {
                fail.accept(o, error);
            }
        }
    }

    /** The client closed: every emit still waiting fails with {@code error}. */
    void failAll(SocketIoException error) {
        failAllNow(error);
        reportWaiting();
    }

    private void failAllNow(SocketIoException error) {
        for (Outgoing o : new ArrayList<>(acks.values())) {
            o.cancelTimer();
            fail.accept(o, error);
        }
        acks.clear();
        drain(sendBuffer, error);
        drain(queue, error);
    }

    private void drain(ArrayDeque<Outgoing> packets, SocketIoException error) {
        Outgoing o;
        while ((o = packets.poll()) != null) {
            o.cancelTimer();
            if (o.future == null || !o.future.isDone()) {
                fail.accept(o, error);
            }
        }
    }

    private void startTimer(Outgoing o) {
        if (o.timeoutMillis > 0) {
            o.timer = loop.schedule(() -> onAckTimeout(o), o.timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void onAckTimeout(Outgoing o) {
        onAckTimeoutNow(o);
        reportWaiting();
    }

    private void onAckTimeoutNow(Outgoing o) {
        o.timer = null;
        if (acks.remove(o.ackId) == null) {
            return;
        }
        if (o.kind == Outgoing.Kind.QUEUED) {
            onQueuedTryFailed(o, new AckTimeoutException());
        } else {
            sendBuffer.remove(o);
            fail.accept(o, new AckTimeoutException());
        }
    }

    /** The head of the queue got no ack (timeout or disconnect): give up or let it be resent. */
    private void onQueuedTryFailed(Outgoing o, SocketIoException error) {
        if (queue.peek() != o) {
            return;
        }
        o.pending = false;
        if (o.tries > options.retries()) {
            queue.poll();
            fail.accept(o, error instanceof AckTimeoutException ? error : new AckTimeoutException());
        }
        drainQueue(false);
    }

    private void drainQueue(boolean force) {
        Outgoing o = queue.peek();
        if (!connected.getAsBoolean() || o == null || (o.pending && !force)) {
            return;
        }
        o.pending = true;
        o.tries++;
        o.cancelTimer();
        acks.put(o.ackId, o);
        startTimer(o);
        write.accept(o);
    }

    /**
     * Tells the send buffer listener, if any, how the number of emits waiting to be sent changed:
     * those buffered while not connected, and at-least-once emits queued behind the one in flight.
     */
    private void reportWaiting() {
        IntConsumer listener = options.sendBufferListener();
        if (listener == null) {
            return;
        }
        Outgoing head = queue.peek();
        int waiting = sendBuffer.size() + queue.size() - (head != null && head.pending ? 1 : 0);
        if (waiting != reportedWaiting) {
            int change = waiting - reportedWaiting;
            reportedWaiting = waiting;
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("send buffer listener failed", e);
            }
        }
    }
}
