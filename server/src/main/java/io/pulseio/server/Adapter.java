package io.pulseio.server;

import io.pulseio.protocol.SocketPacket;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Keeps one namespace's rooms and delivers its broadcasts. The in-memory one serves a single
 * server; a cluster adapter would also forward broadcasts to other servers.
 *
 * <p>Thread-safe: called from every event loop of the server.
 */
public interface Adapter {
  /** Puts a socket in rooms. */
  void addAll(String socketId, Set<String> rooms);

  /** Takes a socket out of a room. */
  void del(String socketId, String room);

  /** Takes a socket out of every room. */
  void delAll(String socketId);

  /** The rooms of a socket (empty when unknown). */
  Set<String> socketRooms(String socketId);

  /** The ids of the sockets in any of {@code rooms} (all sockets when empty). */
  Set<String> sockets(Set<String> rooms);

  /** The ids of the sockets a broadcast with these options reaches. */
  Set<String> targets(BroadcastOptions options);

  /** Sends a packet to every socket the options select. */
  void broadcast(SocketPacket packet, BroadcastOptions options);

  /**
   * Sends a packet that asks for acknowledgements; tells {@code clientCount} how many sockets it
   * reached, and {@code reply} each answer.
   */
  void broadcastWithAck(SocketPacket packet, BroadcastOptions options, IntConsumer clientCount,
      Consumer<AckReply> reply);

  /** Whom a broadcast reaches. */
  record BroadcastOptions(Set<String> rooms, Set<String> except, boolean volatileOnly) {
    public BroadcastOptions {
      rooms = Set.copyOf(rooms);
      except = Set.copyOf(except);
    }
  }
}
