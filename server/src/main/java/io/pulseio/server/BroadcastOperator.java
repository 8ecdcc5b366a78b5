package io.pulseio.server;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Sends to a set of sockets chosen by rooms: all sockets of the namespace, or those in any of the
 * {@link #to} rooms, minus those in any of the {@link #except} rooms. With a cluster adapter the
 * selection spans every server of the cluster, unless {@link #local} limits it to this one
 * ({@link #socketIds} is always this server's). Immutable: each method returns a new operator.
 * Thread-safe; the packet is encoded once for all receivers.
 */
public interface BroadcastOperator {
    /** Also targets the sockets in these rooms. */
    BroadcastOperator to(String... rooms);

    /** Same as {@link #to}. */
    default BroadcastOperator in(String... rooms) {
        return to(rooms);
    }

    /** Leaves out the sockets in these rooms. */
    BroadcastOperator except(String... rooms);

    /** Drops the event for receivers whose transport cannot take it right now. */
    BroadcastOperator volatileOnly();

    /** Reaches this server's sockets only (socket.io's {@code local} flag). */
    BroadcastOperator local();

    /**
     * Emits an event.
     *
     * @param args Jackson {@code JsonNode}s, {@code byte[]}, or values Jackson can convert
     * @throws IllegalArgumentException for a reserved event name or an argument that is not JSON
     */
    void emit(String event, Object... args);

    /**
     * Emits an event asking each receiver for an acknowledgement. The future completes with every
     * reply once all receivers answered, or fails with {@link AckTimeoutException} (holding the
     * replies received) after {@code timeout} (socket.io's {@code timeout} flag; it travels with the
     * broadcast to the other servers). A reply from a socket of another server has a null socket id
     * and holds only the client's first argument.
     */
    CompletableFuture<List<AckReply>> emitWithAck(Duration timeout, String event, Object... args);

    /** The ids of the targeted sockets of this server. */
    Set<String> socketIds();

    /**
     * Snapshots of the targeted sockets, on every server; fails with
     * {@link java.util.concurrent.TimeoutException} when a server of the cluster did not answer in
     * time (the adapter's request timeout).
     */
    CompletableFuture<List<RemoteSocket>> fetchSockets();

    /** Puts the targeted sockets in these rooms. */
    void socketsJoin(String... rooms);

    /** Takes the targeted sockets out of these rooms. */
    void socketsLeave(String... rooms);

    /** Disconnects the targeted sockets; {@code close} also closes their connections. */
    void disconnectSockets(boolean close);
}
