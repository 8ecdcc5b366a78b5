package io.pulseio.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pulseio.protocol.SocketPacket;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Keeps one namespace's rooms and delivers its broadcasts, on this server and, for a cluster
 * adapter, on the other servers of the cluster. The built-in one ({@link #inMemory()}) serves a
 * single server; another one, given with {@link ServerOptions.Builder#adapter}, may keep rooms
 * elsewhere or forward to other servers (the Redis adapters of {@code pulseio-adapter-redis}). The
 * server makes one adapter per namespace through the {@link Factory} and reaches that namespace's
 * local sockets through the {@link Context} it hands over. A cluster adapter usually keeps the
 * local rooms in an in-memory adapter made on the same context and adds the forwarding.
 *
 * <p>What the server calls: {@link #addAll} when a socket connects (with its own id as a room)
 * and when it joins rooms, {@link #del} when it leaves one, {@link #delAll} when it disconnects,
 * {@link #socketRooms} for {@code ServerSocket.rooms()}, {@link #targets} for
 * {@code BroadcastOperator.socketIds()}, {@link #broadcast} and {@link #broadcastWithAck} for every
 * broadcast, {@link #addSockets}, {@link #delSockets}, {@link #disconnectSockets} and
 * {@link #fetchSockets} for the operator's methods of those names, {@link #serverSideEmit},
 * {@link #serverSideEmitWithAck} and {@link #serverCount} for the namespace's, the recovery hooks
 * {@link #persistSession} and {@link #restoreSession} when connection state recovery is on, and
 * {@link #close} once when the server closes.
 *
 * <p>Options whose {@link BroadcastOptions#local() local} flag is set concern this server only: a
 * cluster adapter does not forward them. Requests to other servers ({@code fetchSockets},
 * {@code serverSideEmitWithAck}, {@code serverCount}) complete, or fail, within their timeout.
 *
 * <p>Thread-safe: called from every event loop of the server and from whatever threads the
 * application sends from. An exception thrown by an adapter goes to the caller of the server
 * method that called it ({@code join}, {@code emit}, ...), except from {@link #delAll} and
 * {@link #persistSession} on a disconnect and from {@link #close}, where it is logged and the
 * server carries on.
 */
public interface Adapter {
    /** Puts a socket of this server in rooms. */
    void addAll(String socketId, Set<String> rooms);

    /** Takes a socket of this server out of a room. */
    void del(String socketId, String room);

    /** Takes a socket of this server out of every room: it disconnected. */
    void delAll(String socketId);

    /** The rooms of a socket of this server (empty when unknown). */
    Set<String> socketRooms(String socketId);

    /** The ids of this server's sockets in any of {@code rooms} (all of them when empty). */
    Set<String> sockets(Set<String> rooms);

    /** The ids of this server's sockets that a broadcast with these options reaches. */
    Set<String> targets(BroadcastOptions options);

    /**
     * Sends a packet to every socket the options select (see {@link Context#send}). With
     * connection state recovery on, an EVENT without ack id that is not volatile gets an offset
     * chosen by the adapter appended as its last argument, so that {@link #restoreSession} can
     * replay what a socket missed after it.
     */
    void broadcast(SocketPacket packet, BroadcastOptions options);

    /**
     * Sends a packet that carries an ack id to every socket the options select (see
     * {@link Context#sendWithAck}); calls {@code clientCount} once per server that got it (this one
     * included, so as many times as {@link #serverCount} tells) with how many sockets it reached
     * there, and {@code reply} with each answer that arrives within {@code timeout}. A reply from
     * another server carries no socket id and only the client's first argument (as the Node.js
     * adapters send it).
     */
    void broadcastWithAck(
            SocketPacket packet,
            BroadcastOptions options,
            Duration timeout,
            IntConsumer clientCount,
            Consumer<AckReply> reply);

    /** Puts the sockets the options select, on every server, in {@code rooms}. */
    void addSockets(BroadcastOptions options, Set<String> rooms);

    /** Takes the sockets the options select, on every server, out of {@code rooms}. */
    void delSockets(BroadcastOptions options, Set<String> rooms);

    /** Disconnects the sockets the options select, on every server; {@code close} closes their connections. */
    void disconnectSockets(BroadcastOptions options, boolean close);

    /**
     * The sockets the options select, on every server. A cluster adapter fails it with
     * {@link java.util.concurrent.TimeoutException} when a server did not answer within its own
     * request timeout.
     */
    CompletableFuture<List<RemoteSocket>> fetchSockets(BroadcastOptions options);

    /**
     * Sends an event to the other servers' {@link ServerSideListener}s of this namespace.
     *
     * @param packet the event name followed by its arguments
     */
    void serverSideEmit(List<JsonNode> packet);

    /**
     * Sends an event to the other servers and collects one answer from each. Fails with
     * {@link AckTimeoutException} (holding the answers received) when not all answered within
     * {@code timeout}; completes with an empty list when there is no other server.
     */
    CompletableFuture<List<JsonNode>> serverSideEmitWithAck(List<JsonNode> packet, Duration timeout);

    /** How many servers of the cluster serve this namespace, this one included (1 for a single one). */
    CompletableFuture<Integer> serverCount();

    /**
     * Keeps the state of a socket that disconnected for a reason that allows recovery, for
     * {@link Context#connectionStateRecovery()}; called only when recovery is on.
     */
    void persistSession(Session session);

    /**
     * The session {@link #persistSession kept} for {@code pid}, taken out of the store, with the
     * packets it missed since {@code offset} (oldest first, each ending with its own offset);
     * completes with null when there is no such session, it expired, or the offset is unknown.
     * Called only when recovery is on.
     */
    CompletableFuture<RestoredSession> restoreSession(String pid, String offset);

    /** The server is closing (its sockets are already disconnected). Default: nothing. */
    default void close() {}

    /** The adapter kept in this server's memory, the default. */
    static Factory inMemory() {
        return Implementations::inMemoryAdapter;
    }

    /**
     * The in-memory adapter of one namespace, which also tells {@code rooms} when a room of this
     * server gets its first socket and when it loses its last: for a cluster adapter that keeps its
     * local rooms in it and subscribes to something per room (as the sharded Redis adapter does).
     * Every room counts, a socket's own id among them.
     */
    static Adapter inMemory(Context context, RoomListener rooms) {
        return Implementations.inMemoryAdapter(context, java.util.Objects.requireNonNull(rooms, "rooms"));
    }

    /**
     * Hears the rooms of an {@link #inMemory(Context, RoomListener) in-memory adapter} appear and
     * disappear. Called on the thread that changed the room, after the change and outside any lock
     * of the adapter, so calls for one room made on different threads may arrive out of order: a
     * listener that must follow the room's state reads it back ({@link Adapter#sockets}) when called.
     * An exception it throws goes to the caller of the adapter method that changed the room.
     */
    interface RoomListener {
        /** {@code room} had no socket of this server and has one now. */
        void created(String room);

        /** {@code room} had sockets of this server and has none now. */
        void deleted(String room);
    }

    /**
     * Whom a broadcast reaches, and how.
     *
     * @param rooms the sockets in any of these rooms; all of the namespace when empty
     * @param except minus those in any of these
     * @param volatileOnly skip receivers whose transport cannot take it right now
     * @param local this server only (never forwarded)
     */
    record BroadcastOptions(Set<String> rooms, Set<String> except, boolean volatileOnly, boolean local) {
        public BroadcastOptions {
            rooms = Set.copyOf(rooms);
            except = Set.copyOf(except);
        }

        /** To these rooms, not volatile, not local. */
        public static BroadcastOptions to(Set<String> rooms) {
            return new BroadcastOptions(rooms, Set.of(), false, false);
        }

        /** The same with the local flag set. */
        public BroadcastOptions asLocal() {
            return new BroadcastOptions(rooms, except, volatileOnly, true);
        }
    }

    /**
     * A disconnected socket's state, kept for its return.
     *
     * @param sid its socket id
     * @param pid its private id, which the client presents to get it back
     * @param rooms its rooms, its own id included
     * @param data its {@link ServerSocket#data()}
     */
    record Session(String sid, String pid, Set<String> rooms, Map<String, JsonNode> data) {
        public Session {
            rooms = Set.copyOf(rooms);
            data = Map.copyOf(data);
        }
    }

    /**
     * A session given back to a reconnecting client.
     *
     * @param session its state
     * @param missed the EVENT packets' data arrays ({@code [event, ...args, offset]}) it missed,
     *     oldest first
     */
    record RestoredSession(Session session, List<ArrayNode> missed) {
        public RestoredSession {
            missed = List.copyOf(missed);
        }
    }

    /** Makes the adapter of each namespace. */
    @FunctionalInterface
    interface Factory {
        /**
         * Makes the adapter of one namespace; called once per namespace, on the thread that makes it
         * (for {@code /}: the one creating the server; for a namespace of a dynamic one: the event
         * loop of the client that asked for it first). Must not return null. When it fails for
         * {@code /} or a namespace made with {@code SocketIoServer.namespace}, the caller gets the
         * exception; for a namespace of a dynamic one, the failure is logged and the client refused as
         * for an unknown namespace ({@code Invalid namespace}). It must not block (no network round
         * trips): it may run on an event loop, while the namespace table is being updated; an adapter
         * that needs a connection should open it in the background.
         */
        Adapter create(Context context);
    }

    /**
     * What the server gives the adapter of one namespace: its name, and what it can do to the
     * sockets of that namespace connected to this server. Thread-safe.
     */
    interface Context {
        /** The namespace's name, such as {@code /} or {@code /chat}. */
        String namespace();

        /**
         * How long a disconnected socket's session is kept for connection state recovery; empty when
         * recovery is off.
         */
        Optional<Duration> connectionStateRecovery();

        /**
         * A fresh ack id for a packet given to {@link #sendWithAck} (one that no socket of this
         * namespace is waiting on), for a broadcast with acks that came from another server.
         */
        long nextAckId();

        /** The server's scheduler, for the adapter's timeouts (do not block it; do not shut it down). */
        ScheduledExecutorService scheduler();

        /**
         * Sends a packet to these sockets of this server, encoding it once. Ids of sockets that are
         * not connected here (any more) are skipped. With {@code volatileOnly} a socket whose
         * transport cannot take the packet right now does not get it.
         *
         * @return how many sockets it was handed to
         * @throws IllegalArgumentException when the packet is for another namespace
         */
        int send(SocketPacket packet, Collection<String> socketIds, boolean volatileOnly);

        /**
         * Sends a packet carrying an ack id to these sockets of this server, as {@link #send}; each
         * answer goes to {@code reply} (on the answering socket's event loop), and a socket stops
         * waiting for its answer after {@code timeout}.
         *
         * @return how many sockets it was handed to
         * @throws IllegalArgumentException when the packet is for another namespace, carries no ack
         *     id, or the timeout is not positive
         */
        int sendWithAck(SocketPacket packet, Collection<String> socketIds, Duration timeout, Consumer<AckReply> reply);

        /** Disconnects these sockets of this server (unknown ids are skipped). */
        void disconnect(Collection<String> socketIds, boolean close);

        /** Snapshots of these sockets of this server (unknown ids are skipped). */
        List<RemoteSocket> describe(Collection<String> socketIds);

        /**
         * Hands an event that another server sent with {@code serverSideEmit} to this namespace's
         * {@link ServerSideListener}s.
         *
         * @param packet the event name followed by its arguments
         * @param ack where the answer goes (called at most once), or null when none is expected
         * @throws IllegalArgumentException when the packet does not start with an event name
         */
        void serverSideEvent(List<JsonNode> packet, Consumer<JsonNode> ack);
    }
}
