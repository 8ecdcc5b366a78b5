package io.pulseio.server;

import io.pulseio.protocol.SocketPacket;
import io.pulseio.server.internal.socket.InMemoryAdapter;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Keeps one namespace's rooms and delivers its broadcasts. The built-in one ({@link #inMemory()})
 * serves a single server; another one, given with {@link ServerOptions.Builder#adapter}, may keep
 * rooms elsewhere or also forward broadcasts to other servers. The server makes one adapter per
 * namespace through the {@link Factory} and reaches that namespace's local sockets through the
 * {@link Context} it hands over.
 *
 * <p>What the server calls: {@link #addAll} when a socket connects (with its own id as a room)
 * and when it joins rooms, {@link #del} when it leaves one, {@link #delAll} when it disconnects,
 * {@link #socketRooms} for {@code ServerSocket.rooms()}, {@link #targets} for
 * {@code BroadcastOperator.socketIds()} and {@code disconnectSockets}, {@link #broadcast} and
 * {@link #broadcastWithAck} for every broadcast, and {@link #close} once when the server closes.
 *
 * <p>Thread-safe: called from every event loop of the server and from whatever threads the
 * application sends from. An exception thrown by an adapter goes to the caller of the server
 * method that called it ({@code join}, {@code emit}, ...), except from {@link #delAll} on a
 * disconnect and from {@link #close}, where it is logged and the server carries on.
 */
public interface Adapter {
  /** Puts a socket in rooms. */
  void addAll(String socketId, Set<String> rooms);

  /** Takes a socket out of a room. */
  void del(String socketId, String room);

  /** Takes a socket out of every room: it disconnected. */
  void delAll(String socketId);

  /** The rooms of a socket (empty when unknown). */
  Set<String> socketRooms(String socketId);

  /** The ids of the sockets in any of {@code rooms} (all sockets when empty). */
  Set<String> sockets(Set<String> rooms);

  /** The ids of the sockets a broadcast with these options reaches. */
  Set<String> targets(BroadcastOptions options);

  /** Sends a packet to every socket the options select (see {@link Context#send}). */
  void broadcast(SocketPacket packet, BroadcastOptions options);

  /**
   * Sends a packet that carries an ack id to every socket the options select (see
   * {@link Context#sendWithAck}); tells {@code clientCount} once how many sockets it reached, and
   * {@code reply} each answer that arrives within {@code timeout}.
   */
  void broadcastWithAck(SocketPacket packet, BroadcastOptions options, Duration timeout,
      IntConsumer clientCount, Consumer<AckReply> reply);

  /** The server is closing (its sockets are already disconnected). Default: nothing. */
  default void close() {}

  /** The adapter kept in this server's memory, the default. */
  static Factory inMemory() {
    return InMemoryAdapter::new;
  }

  /** Whom a broadcast reaches. */
  record BroadcastOptions(Set<String> rooms, Set<String> except, boolean volatileOnly) {
    public BroadcastOptions {
      rooms = Set.copyOf(rooms);
      except = Set.copyOf(except);
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
   * What the server gives the adapter of one namespace: its name, and delivery to the sockets of
   * that namespace connected to this server. Thread-safe.
   */
  interface Context {
    /** The namespace's name, such as {@code /} or {@code /chat}. */
    String namespace();

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
    int sendWithAck(SocketPacket packet, Collection<String> socketIds, Duration timeout,
        Consumer<AckReply> reply);
  }
}
