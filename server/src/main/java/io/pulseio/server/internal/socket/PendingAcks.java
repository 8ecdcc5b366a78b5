package io.pulseio.server.internal.socket;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.util.concurrent.ScheduledFuture;
import io.pulseio.protocol.SocketPacket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The acks one socket is waiting for, by ack id: where each answer goes, its timeout timer, and
 * the future to fail when the socket disconnects first. Confined to the connection's event loop.
 */
final class PendingAcks {
    private record Pending(Consumer<List<JsonNode>> onReply, ScheduledFuture<?> timer, CompletableFuture<?> future) {}

    private Map<Long, Pending> acks;

    /** Waits for the ack; future, when not null, is failed if the socket disconnects first. */
    void add(long ackId, Consumer<List<JsonNode>> onReply, ScheduledFuture<?> timer, CompletableFuture<?> future) {
        if (acks == null) {
            acks = new HashMap<>(4);
        }
        acks.put(ackId, new Pending(onReply, timer, future));
    }

    /** Stops waiting for the ack (its time ran out); true when it was still awaited. */
    boolean remove(long ackId) {
        return acks != null && acks.remove(ackId) != null;
    }

    /** Hands an ACK packet's arguments to whoever waits for it, if anyone still does (then true). */
    boolean reply(SocketPacket packet) {
        Pending pending = acks == null ? null : acks.remove(packet.ackId());
        if (pending != null) {
            if (pending.timer() != null) {
                pending.timer().cancel(false);
            }
            pending.onReply().accept(Args.tail(packet.data(), 0));
        }
        return pending != null;
    }

    /** The socket disconnected: cancels every timer and fails every future waiting. */
    void failAll(String reason) {
        if (acks == null) {
            return;
        }
        for (Pending pending : acks.values()) {
            if (pending.timer() != null) {
                pending.timer().cancel(false);
            }
            if (pending.future() != null) {
                pending.future().completeExceptionally(new IllegalStateException("socket disconnected: " + reason));
            }
        }
        acks = null;
    }
}
