/**
 * The server's Socket.IO layer (not exported): {@code SocketIoServerImpl} (namespaces over an
 * Engine.IO server), {@code ClientConnection} (the Socket.IO side of one Engine.IO session: decodes,
 * routes to its namespace sockets, the connect timeout), {@code NamespaceImpl},
 * {@code DynamicNamespace} and {@code BaseNamespace}, {@code ServerSocketImpl} (one client in one
 * namespace) with {@code PendingAcks} and {@code AckImpl}; broadcasting through
 * {@code BroadcastOperatorImpl}, the {@code InMemoryAdapter} and {@code LocalDelivery},
 * {@code AckCollector} for broadcasts with acks; {@code RecoveryStore} (connection state recovery)
 * and {@code Args}.
 *
 * <p><b>Threads.</b> A connection and its sockets (listeners, pending acks) are confined to the
 * connection's event loop; public methods called elsewhere hop there. Namespaces, adapters and the
 * recovery store are shared by every loop and thread-safe. {@code AckCollector} gathers replies
 * from many loops under its own lock.
 *
 * <p><b>Nulls.</b> Parameters are not null. An ack is null for an event that asked for none.
 */
package io.pulseio.server.internal.socket;
