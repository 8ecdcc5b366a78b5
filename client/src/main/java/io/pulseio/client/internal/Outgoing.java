package io.pulseio.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pulseio.protocol.EncodedPacket;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.protocol.SocketEncoder;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.protocol.SocketPacketType;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One packet on its way out: encoded on the application's thread, then run once on the event
 * loop (the one task an emit costs) where its socket sends, buffers or queues it.
 *
 * <p>The fields below {@code kind} belong to the event loop.
 */
final class Outgoing implements Runnable {
    /** How the socket treats the packet. */
    enum Kind {
        /** Sent at once when connected, else buffered. */
        NORMAL,
        /** Sent only when connected and writable, else dropped. */
        VOLATILE,
        /** Retries on: goes through the socket's one-at-a-time queue until acknowledged. */
        QUEUED,
        /** The answer to a server's event: sent when connected, else dropped. */
        ACK
    }

    final SocketImpl socket;
    final Kind kind;
    /** The event name, or null for acks. */
    final String event;
    /** The JSON array sent (event name first for events), kept for outgoing listeners. */
    final ArrayNode data;

    final long ackId;
    final EnginePacket text;
    final List<byte[]> attachments;
    /** Completed with the ack's arguments, or null when nobody waits for them. */
    final CompletableFuture<List<JsonNode>> future;
    /** Per try, 0 for none. */
    final long timeoutMillis;

    int tries;
    boolean pending;
    ScheduledFuture<?> timer;

    private Outgoing(
            SocketImpl socket,
            Kind kind,
            String event,
            ArrayNode data,
            long ackId,
            EncodedPacket encoded,
            CompletableFuture<List<JsonNode>> future,
            long timeoutMillis) {
        this.socket = socket;
        this.kind = kind;
        this.event = event;
        this.data = data;
        this.ackId = ackId;
        this.text = EnginePacket.message(encoded.text());
        this.attachments = encoded.attachments();
        this.future = future;
        this.timeoutMillis = timeoutMillis;
    }

    /** An event; encodes on the calling thread. */
    static Outgoing event(
            SocketImpl socket,
            Kind kind,
            String event,
            Object[] args,
            long ackId,
            CompletableFuture<List<JsonNode>> future,
            long timeoutMillis) {
        ArrayNode data = Args.toArray(event, args);
        EncodedPacket encoded = encode(new SocketPacket(SocketPacketType.EVENT, socket.namespace(), ackId, data));
        return new Outgoing(socket, kind, event, data, ackId, encoded, future, timeoutMillis);
    }

    /** The acknowledgement of a server's event; encodes on the calling thread. */
    static Outgoing ack(SocketImpl socket, long ackId, Object[] args) {
        ArrayNode data = Args.toArray(null, args);
        EncodedPacket encoded = encode(SocketPacket.ack(socket.namespace(), ackId, data));
        return new Outgoing(socket, Kind.ACK, null, data, ackId, encoded, null, 0);
    }

    private static EncodedPacket encode(SocketPacket packet) {
        return SocketEncoder.encode(packet);
    }

    boolean hasAckId() {
        return ackId != SocketPacket.NO_ACK;
    }

    /** On the event loop: the socket decides what to do with the packet. */
    @Override
    public void run() {
        socket.onOutgoing(this);
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
